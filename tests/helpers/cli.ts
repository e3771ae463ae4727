import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/main/util/paths';

/** The `consult` command as users run it. */
export const CONSULT_BIN = join(packageRoot(), 'bin', 'consult.js');

/** Runs `consult args…` to the end with its settings in `dataDir`: exit code and both streams. */
export function consult(args: string[], dataDir: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CONSULT_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONSULT_DATA_DIR: dataDir },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
