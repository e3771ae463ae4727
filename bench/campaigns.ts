/**
 * Campaign detection at scale: `npm run bench:campaigns` (or `-- 100000` for one size).
 * For each size, builds a project of generated responses to one open question (once; cached in the temp
 * folder), then runs the real detection job (worker thread, as in the app) in a fresh process and prints
 * wall time, CPU time (less sensitive to other work on the machine) and that process's peak resident memory. 30% of responses belong to 50 campaigns, each copy
 * edited by up to 20%; the rest are drawn word by word from the Polis vocabulary (or a built-in word list).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectDb, openWorkerDb } from '../src/main/db/connection';
import { seededRandom } from '../src/main/analysis/campaigns/hash';
import type { DetectCampaignsInput, DetectCampaignsResult } from '../src/main/analysis/campaigns/task';
import { JobRunner } from '../src/main/jobs/runner';
import { runInWorker } from '../src/main/jobs/run-in-worker';
import { editTemplate, randomResponse, readPolis, vocabulary } from '../scripts/lib/campaign-families';

const SEED = 42;
const CAMPAIGNS = 50;
const CAMPAIGN_SHARE = 0.3;

const FALLBACK_WORDS =
  'the north needs better trains faster broadband more skills training investment in towns graduates leave for london because pay is higher and housing near jobs costs too much we should fund start-ups apprenticeships colleges and universities together'.split(
    ' ',
  );

function build(path: string, n: number): void {
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  const polis = readPolis();
  const vocab = polis ? vocabulary(polis) : FALLBACK_WORDS;
  const rand = seededRandom(SEED);
  const templates = Array.from({ length: CAMPAIGNS }, () => [
    [`${randomResponse(rand, vocab, 30 + Math.floor(rand() * 30))}.`, `${randomResponse(rand, vocab, 20)}.`],
    [`${randomResponse(rand, vocab, 25 + Math.floor(rand() * 25))}.`],
  ]);
  const donors = Array.from({ length: 500 }, () => randomResponse(rand, vocab, 8 + Math.floor(rand() * 10)));
  const db = createProjectDb(partial, `Bench ${n}`);
  db.prepare("INSERT INTO question (code, text, kind, position) VALUES ('Q1', 'What do you think?', 'open', 1)").run();
  const respondent = db.prepare('INSERT INTO respondent (external_id) VALUES (?)');
  const response = db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (?, 1, ?)');
  const BATCH = 50_000;
  for (let start = 0; start < n; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n, start + BATCH); i++) {
        const text =
          rand() < CAMPAIGN_SHARE
            ? editTemplate(templates[Math.floor(rand() * CAMPAIGNS)], rand() * 0.2, rand, donors)
            : randomResponse(rand, vocab, 10 + Math.floor(rand() * 80));
        const id = respondent.run(`B-${i}`).lastInsertRowid;
        response.run(id, text);
      }
    })();
    process.stdout.write(
      `  generating ${Math.min(n, start + BATCH).toLocaleString('en-GB')} / ${n.toLocaleString('en-GB')}\r`,
    );
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(partial, path);
  process.stdout.write('\n');
}

/** Runs in a fresh process so its peak memory is the detection's alone. */
async function measure(path: string): Promise<void> {
  // Start from no groups, as on a first detection.
  const db = openWorkerDb(path);
  db.exec('DELETE FROM campaign_group; DELETE FROM signal_run;');
  db.close();
  const runner = new JobRunner(() => undefined);
  const input: DetectCampaignsInput = { dbPath: path, actor: 'bench' };
  const started = performance.now();
  const { done } = runner.start({
    kind: 'bench',
    title: 'Find campaigns',
    run: (job) => runInWorker<DetectCampaignsResult>('campaigns.detect', input, job, { maxHeapMb: 2048 }),
  });
  const result = await done;
  const wallMs = performance.now() - started;
  // maxRSS and CPU time cover the whole process, worker thread included (kilobytes and microseconds).
  const usage = process.resourceUsage();
  process.stdout.write(
    JSON.stringify({
      wallMs: Math.round(wallMs),
      cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
      peakRssMb: Math.round(usage.maxRSS / 1024),
      result,
    }),
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') return measure(args[1]);
  const sizes = args.length ? args.map(Number) : [100_000, 1_000_000];
  console.log(
    `Campaign detection benchmark (node ${process.version}, ${CAMPAIGNS} campaigns, ${CAMPAIGN_SHARE * 100}% campaign responses)`,
  );
  for (const n of sizes) {
    const path = join(tmpdir(), `consult-bench-campaigns-${n}-${SEED}-v1.consult`);
    if (!existsSync(path)) {
      console.log(`building ${path}`);
      build(path, n);
    }
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--measure', path], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(child.stderr);
    const m = JSON.parse(child.stdout) as {
      wallMs: number;
      cpuMs: number;
      peakRssMb: number;
      result: DetectCampaignsResult;
    };
    console.log(
      `${n.toLocaleString('en-GB').padStart(9)} responses: ${(m.wallMs / 1000).toFixed(1)} s wall, ${(m.cpuMs / 1000).toFixed(1)} s CPU, peak RSS ${m.peakRssMb} MB; ` +
        `${m.result.groups} groups, ${m.result.groupedResponses.toLocaleString('en-GB')} grouped responses`,
    );
  }
}

await main();
