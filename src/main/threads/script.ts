import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The worker entry points; each is its own file in the Electron build (see electron.vite.config.ts). */
export type ThreadEntry = 'worker' | 'backend-thread';

const SOURCES: Record<ThreadEntry, string> = {
  worker: '../jobs/worker.ts',
  'backend-thread': '../service/backend-thread.ts',
};

let builtDir: string | undefined;

/** The Electron main process says where its bundled entries (worker.js, backend-thread.js) are. */
export function setBuiltThreadDir(dir: string): void {
  builtDir = dir;
}

/** What to pass to `new Worker()` for an entry: the built file, or the TypeScript source through tsx. */
export function threadScript(entry: ThreadEntry): { file: string; workerData?: { entry: string } } {
  if (builtDir) return { file: join(builtDir, `${entry}.js`) };
  const here = dirname(fileURLToPath(import.meta.url));
  return {
    file: join(here, 'from-source.mjs'),
    workerData: { entry: pathToFileURL(join(here, SOURCES[entry])).href },
  };
}
