/**
 * The built CLI (out/main/cli.js), which `bin/consult.js` runs: the same `run` as src/main/cli.ts, with job
 * and backend threads started from the built files beside it rather than compiled from source at run time.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setBuiltThreadDir } from './threads/script';

setBuiltThreadDir(dirname(fileURLToPath(import.meta.url)));

export { run } from './cli';
