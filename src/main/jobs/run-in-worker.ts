import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../shared/api';
import { AppError } from '../util/errors';
import type { FromWorker, ToWorker } from './protocol';
import type { JobHandle } from './runner';
import { threadScript } from '../threads/script';

const CANCEL_GRACE_MS = 5000;

export interface WorkerOptions {
  /** Heap limit for the worker in MB (resourceLimits.maxOldGenerationSizeMb). */
  maxHeapMb?: number;
}

/**
 * Runs a registered task in a worker thread. Progress flows to the job; cancelling sets a shared flag the
 * task polls (so it can roll back cleanly), and terminates the worker if it has not stopped in a few seconds.
 */
export function runInWorker<T>(task: string, input: unknown, job: JobHandle, options: WorkerOptions = {}): Promise<T> {
  const { file, workerData } = threadScript('worker');
  const cancelFlag = new SharedArrayBuffer(4);
  const worker = new Worker(file, {
    workerData,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
  });
  return new Promise<T>((resolvePromise, reject) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      job.signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = (): void => {
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      killTimer = setTimeout(() => finish(() => reject(new AppError('CANCELLED', 'Cancelled.'))), CANCEL_GRACE_MS);
    };
    job.signal.addEventListener('abort', onAbort);
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') job.progress(m.phase, m.done, m.total);
      else if (m.type === 'done') finish(() => resolvePromise(m.result as T));
      else finish(() => reject(new AppError(m.code as ErrorCode, m.message, m.details)));
    });
    worker.on('error', (error) =>
      finish(() => reject(new AppError('INTERNAL', `The background task failed: ${error.message}`))),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new AppError('INTERNAL', `The background task stopped unexpectedly (exit ${code}).`))),
    );
    const message: ToWorker = { type: 'run', task, input, cancelFlag };
    worker.postMessage(message);
    if (job.signal.aborted) onAbort();
  });
}
