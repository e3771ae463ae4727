// Runs the TypeScript worker from source (tests, the CLI): tsx compiles it on load.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
