// Runs a TypeScript worker entry from source (tests, the CLI): tsx compiles it on load.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
