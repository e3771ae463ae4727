import { Worker } from 'node:worker_threads';
import type { ApiBridge, ApiEvent, CallResult } from '../../shared/api';
import { threadScript } from '../threads/script';
import { errorBody } from '../util/errors';
import type { BackendThreadOptions, FromBackend, HostCapability, ToBackend } from './thread-protocol';
import type { Host } from './types';

/**
 * Runs the backend in a worker thread and carries the contract to it: the Electron main process uses this
 * so a long query never blocks the window. Host requests (dialogs) come back here and run on this thread.
 */
export class BackendThreadClient implements ApiBridge {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (result: CallResult<unknown>) => void>();
  private readonly listeners = new Set<(event: ApiEvent) => void>();
  private closed: Promise<void> | null = null;
  private exited = false;

  constructor(
    options: Omit<BackendThreadOptions, 'host'>,
    private readonly host: Host = {},
  ) {
    const { file, workerData } = threadScript('backend-thread');
    this.worker = new Worker(file, { workerData });
    this.worker.on('message', (message: FromBackend) => this.receive(message));
    this.worker.on('error', (error) => this.failAll(`The backend stopped: ${error.message}`));
    this.worker.on('exit', () => {
      this.exited = true;
      this.failAll('The backend has stopped.');
    });
    const capabilities = (Object.keys(host) as HostCapability[]).filter((name) => typeof host[name] === 'function');
    this.post({ type: 'init', options: { ...options, host: capabilities } });
  }

  private post(message: ToBackend): void {
    this.worker.postMessage(message);
  }

  private failAll(message: string): void {
    for (const resolve of this.pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message } });
    this.pending.clear();
  }

  private receive(message: FromBackend): void {
    switch (message.type) {
      case 'result': {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message.result);
        return;
      }
      case 'event':
        for (const listener of this.listeners) listener(message.event);
        return;
      case 'hostRequest': {
        const fn = this.host[message.name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
        const reply = fn ? fn(...message.args) : Promise.reject(new Error(`The host cannot ${message.name}.`));
        reply.then(
          (value) => this.post({ type: 'hostReply', id: message.id, ok: true, value: value ?? null }),
          (error: unknown) => this.post({ type: 'hostReply', id: message.id, ok: false, error: errorBody(error) }),
        );
        return;
      }
      case 'closed':
        return;
    }
  }

  invoke(method: string, input: unknown): Promise<CallResult<unknown>> {
    if (this.exited || this.closed) {
      return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The backend has stopped.' } });
    }
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve);
      this.post({ type: 'call', id, method, input });
    });
  }

  subscribe(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels running jobs, closes the project and ends the thread. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      const onMessage = (message: FromBackend): void => {
        if (message.type === 'closed') void this.worker.terminate().then(() => resolve());
      };
      this.worker.on('message', onMessage);
      this.worker.once('exit', () => resolve());
      this.post({ type: 'close' });
    });
    return this.closed;
  }
}
