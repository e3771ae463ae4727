import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/main/util/paths';

const root = packageRoot();
const OUTPUTS = ['out/main/worker.js', 'out/main/backend-thread.js', 'out/main/cli.js', 'out/renderer/index.html'];
const INPUTS = ['src', 'resources', 'electron.vite.config.ts', 'package.json'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

/**
 * The tests run the built threads, CLI and UI (as the app does; compiling a thread's TypeScript at each
 * start doubled the suite's time), so they build once first where anything is newer than the build.
 */
export default function buildOnce(): void {
  const targets = OUTPUTS.map((p) => join(root, p));
  const built = targets.every(existsSync) ? Math.min(...targets.map((p) => statSync(p).mtimeMs)) : 0;
  const changed = Math.max(
    ...INPUTS.map((p) => join(root, p))
      .filter(existsSync)
      .map(newest),
  );
  if (built > changed) return;
  process.stdout.write('Building the app for the tests (electron-vite build)…\n');
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stdout}${result.stderr}`);
}
