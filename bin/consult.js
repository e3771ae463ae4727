#!/usr/bin/env node
// The `consult` command. tsx compiles the TypeScript sources on the fly, so the CLI works right after install.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/main/cli.ts');
await run(process.argv.slice(2));
