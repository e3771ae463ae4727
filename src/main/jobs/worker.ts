/** The entry point of every job worker thread: runs one task from the registry and reports back. */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../util/errors';
import type { FromWorker, ToWorker } from './protocol';
import { TASKS } from './tasks';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

port.once('message', (message: ToWorker) => {
  const flag = new Int32Array(message.cancelFlag);
  const send = (m: FromWorker): void => port.postMessage(m);
  const task = TASKS[message.task];
  void (async () => {
    try {
      if (!task) throw new AppError('INTERNAL', `Unknown task ${message.task}`);
      const result = await task(message.input, {
        progress: (phase, done, total) => send({ type: 'progress', phase, done, total }),
        cancelled: () => Atomics.load(flag, 0) === 1,
      });
      send({ type: 'done', result });
    } catch (error) {
      if (error instanceof AppError)
        send({ type: 'error', code: error.code, message: error.message, details: error.details });
      else send({ type: 'error', code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
