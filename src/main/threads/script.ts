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

/** What a thread's workerData says of where it came from: its source entry (through tsx), or the built folder. */
export interface ThreadData {
  entry?: string;
  builtDir?: string;
}

/**
 * A thread started from the built entries starts its own threads (the backend thread's jobs) from them too:
 * module state is per thread, so the folder travels in workerData.
 */
export function inheritBuiltThreadDir(data: unknown): void {
  const dir = (data as ThreadData | null)?.builtDir;
  if (dir) builtDir = dir;
}

/** What to pass to `new Worker()` for an entry: the built file, or the TypeScript source through tsx. */
export function threadScript(entry: ThreadEntry): { file: string; workerData: ThreadData } {
  if (builtDir) return { file: join(builtDir, `${entry}.js`), workerData: { builtDir } };
  const here = dirname(fileURLToPath(import.meta.url));
  return {
    file: join(here, 'from-source.mjs'),
    workerData: { entry: pathToFileURL(join(here, SOURCES[entry])).href },
  };
}
