#!/usr/bin/env node
// The `consult` command. It runs the built CLI (out/main/cli.js, made by `npm install` and `npm run build`),
// as the desktop app runs its built files. CONSULT_FROM_SOURCE=1 runs the TypeScript sources through tsx
// instead, for development without a rebuild.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../out/main/cli.js', import.meta.url);
let run;
if (process.env.CONSULT_FROM_SOURCE !== '1' && existsSync(fileURLToPath(built))) {
  ({ run } = await import(built.href));
} else if (process.env.CONSULT_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import('../src/main/cli.ts'));
} else {
  process.stderr.write('consult: the command is not built yet: run `npm run build` (or `npm install`) first.\n');
  process.exit(1);
}
await run(process.argv.slice(2));
