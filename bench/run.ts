/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's memory never counts against
 * another's. Name some to run only those: `npm run bench -- import triage`. Never part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ALL = ['import', 'triage', 'themes', 'campaigns', 'dashboard', 'reports'];
const chosen = process.argv.slice(2).filter((a) => ALL.includes(a));
let failed = 0;
for (const name of chosen.length ? chosen : ALL) {
  console.log(`\n=== bench:${name} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, `${name}.ts`)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
