/**
 * `npm run bench:themes [-- 10000 100000 1000000] [--repeat=3]`: theme discovery and classification at scale,
 * beside scikit-learn's TF-IDF + MiniBatchKMeans on the same texts in the same run. Each measurement is a
 * fresh process, so wall time, CPU time and peak memory include start-up and reading the texts.
 * Classification runs `--repeat` times (default 3) and the run with the median wall time is reported, with
 * every run's wall and CPU seconds and the load average: the machine may be shared. Prints a table and
 * writes bench/results/themes.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataMissing } from '../scripts/lib/datasets';
import { writeTexts } from './themes-texts';

const THEMES = 20;
const here = import.meta.dirname;
const args = process.argv.slice(2);
const repeat = Math.max(1, Number(args.find((a) => a.startsWith('--repeat='))?.slice(9) ?? 3) || 1);
const sizes = args.map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(10_000, 100_000, 1_000_000);

interface Measured {
  wall: number;
  seconds: number;
  cpuSeconds?: number;
  maxRssMb: number;
  [key: string]: unknown;
}

function measure(command: string, args: string[]): Measured {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  const line = run.stdout.trim().split('\n').pop()!;
  return { ...(JSON.parse(line) as Omit<Measured, 'wall'>), wall } as Measured;
}

const tsx = (script: string, ...args: string[]): Measured =>
  measure(process.execPath, ['--import', 'tsx', join(here, script), ...args]);

async function main(): Promise<void> {
  const missing = sharedDataMissing();
  if (missing) throw new Error(`bench:themes makes its texts from the shared corpora: ${missing}`);
  const rows: Record<string, unknown>[] = [];
  console.log(`Themes benchmark (${THEMES} themes); wall = whole process, RSS = peak resident memory.\n`);
  console.log('responses  step            ours wall   ours RSS   sklearn wall  sklearn RSS   ours throughput');
  for (const n of sizes) {
    const file = join(tmpdir(), `consult-bench-texts-${n}.jsonl`);
    await writeTexts(file, n);
    const ours = tsx('themes-run.ts', 'discover', file, String(THEMES));
    const reference = measure('/usr/bin/python3', [join(here, 'sklearn_reference.py'), file, String(THEMES)]);
    const loadBefore = loadavg()[0];
    const runs = Array.from({ length: repeat }, () => tsx('themes-run.ts', 'classify', file));
    const classify = [...runs].sort((a, b) => a.wall - b.wall)[Math.floor((runs.length - 1) / 2)];
    const classifyRuns = runs.map((r) => ({ wall: round(r.wall), cpuSeconds: round(r.cpuSeconds ?? 0) }));
    const load = { before: round(loadBefore), after: round(loadavg()[0]) };
    const fmt = (m: Measured): string => `${m.wall.toFixed(1).padStart(8)} s ${String(m.maxRssMb).padStart(7)} MB`;
    console.log(
      `${String(n).padStart(9)}  discover     ${fmt(ours)}   ${fmt(reference)}   ${Math.round(n / ours.wall)
        .toLocaleString('en-GB')
        .padStart(9)} /s`,
    );
    const rate = Math.round(n / classify.wall)
      .toLocaleString('en-GB')
      .padStart(9);
    const cpu = `median of ${repeat}; CPU ${classify.cpuSeconds?.toFixed(1)} s; load ${load.before}->${load.after}`;
    console.log(
      `${String(n).padStart(9)}  classify     ${fmt(classify)}                           ${rate} /s   (${cpu})`,
    );
    rows.push({ responses: n, discover: ours, sklearnTfidfMiniBatchKMeans: reference, classify, classifyRuns, load });
  }
  const out = join(here, 'results', 'themes.json');
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), themes: THEMES, rows }, null, 2)}\n`);
  console.log(`\nPhase timings are in ${out}.`);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
