/**
 * The backend in its own thread: in the app, every query and job runs here, so the Electron main process
 * (window, menus, dialogs) never waits on SQLite. Host functions (dialogs) are asked of the parent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inheritBuiltThreadDir } from '../threads/script';
import { AppError } from '../util/errors';
import { Backend } from './backend';
import type { FromBackend, ToBackend } from './thread-protocol';
import type { Host } from './types';

const port = parentPort;
if (!port) throw new Error('backend-thread.ts must run in a worker thread');
inheritBuiltThreadDir(workerData);
const send = (message: FromBackend): void => port.postMessage(message);

let backend: Backend | null = null;
let nextHostId = 1;
const pendingHost = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

function hostProxy(names: (keyof Host)[]): Host {
  const host: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of names) {
    host[name] = (...args) =>
      new Promise((resolve, reject) => {
        const id = nextHostId++;
        pendingHost.set(id, { resolve, reject });
        send({ type: 'hostRequest', id, name, args });
      });
  }
  return host as Host;
}

port.on('message', (message: ToBackend) => {
  switch (message.type) {
    case 'init':
      backend = new Backend({
        dataDir: message.options.dataDir,
        resourcesDir: message.options.resourcesDir,
        host: hostProxy(message.options.host),
      });
      backend.subscribe((event) => send({ type: 'event', event }));
      return;
    case 'call':
      if (!backend) {
        send({
          type: 'result',
          id: message.id,
          result: { ok: false, error: { code: 'INTERNAL', message: 'The backend is not ready.' } },
        });
        return;
      }
      void backend
        .call(message.method, message.input)
        .then((result) => send({ type: 'result', id: message.id, result }));
      return;
    case 'hostReply': {
      const pending = pendingHost.get(message.id);
      pendingHost.delete(message.id);
      if (!pending) return;
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new AppError(message.error.code, message.error.message, message.error.details));
      return;
    }
    case 'close':
      void (backend?.close() ?? Promise.resolve()).then(() => {
        send({ type: 'closed' });
        port.close();
      });
      return;
  }
});
