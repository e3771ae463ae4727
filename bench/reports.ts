/**
 * Reports benchmark: the time and peak memory of every export format on generated projects of 100,000 and
 * 1,000,000 responses (4 open and 3 closed questions, every respondent answering all seven; 12 themes per
 * open question with 1-3 assignments per answer, a tenth by analysts; 1% excluded in triage; two campaigns).
 * Projects are built directly with SQL, deterministically (a seeded generator recombining sentences of the
 * sample consultation), and cached between runs. Each format runs in a fresh process (bench/reports-run.ts)
 * so its peak resident memory is its own; CPU time is printed beside wall time because the machine may be
 * shared (PDF: Chromium's own time and memory are not counted).
 * Run: npm run bench:reports [-- --only 100k|1m] [--formats docx,csv,...] [--dir PATH]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReportFormat } from '../src/shared/api';
import type { SampleConsultation, SampleTruth } from '../src/shared/sample';
import { createProjectDb } from '../src/main/db/connection';
import { packageRoot } from '../src/main/util/paths';

const require = createRequire(import.meta.url);
const ALL: ReportFormat[] = ['docx', 'odt', 'html', 'pdf', 'md', 'csv', 'csv-matrix', 'xlsx', 'codebook'];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    formats: { type: 'string' },
    dir: { type: 'string', default: join(tmpdir(), 'consult-bench') },
  },
});

interface Spec {
  name: string;
  responses: number;
}
const SPECS: Spec[] = [
  { name: '100k', responses: 100_000 },
  { name: '1m', responses: 1_000_000 },
];

/** Park-Miller: the same numbers on every machine. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48_271) % 2_147_483_647) / 2_147_483_647;
}

const root = packageRoot();
const sample = JSON.parse(
  readFileSync(join(root, 'resources', 'sample', 'northern-futures.json'), 'utf8'),
) as SampleConsultation;
const truth = JSON.parse(
  readFileSync(join(root, 'resources', 'sample', 'northern-futures.truth.json'), 'utf8'),
) as SampleTruth;
const sentences = [
  ...new Set(
    sample.respondents.flatMap((r) =>
      Object.entries(r.answers)
        .filter(([code]) => sample.questions.find((q) => q.code === code)?.kind === 'open')
        .flatMap(([, text]) => text.split(/(?<=[.!?])\s+/)),
    ),
  ),
];

function build(spec: Spec, path: string): void {
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  const started = performance.now();
  const db = createProjectDb(partial, `Bench ${spec.name}`);
  const random = rng(spec.responses);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const respondents = Math.ceil(spec.responses / sample.questions.length);
  db.transaction(() => {
    const question = db.prepare('INSERT INTO question (code, text, kind, options, position) VALUES (?, ?, ?, ?, ?)');
    sample.questions.forEach((q, i) =>
      question.run(q.code, q.text, q.kind, q.options ? JSON.stringify(q.options) : null, i + 1),
    );
    const theme = db.prepare(
      "INSERT INTO theme (question_id, name, description, keywords, status, created_by, created_at) VALUES (?, ?, ?, '[]', 'accepted', 'bench', '2026-06-01')",
    );
    const themes = Object.entries(truth.themes).map(([code, names]) => {
      const qid = sample.questions.findIndex((q) => q.code === code) + 1;
      return names.map((n) =>
        Number(theme.run(qid, n.charAt(0).toUpperCase() + n.slice(1), `Respondents raised ${n}.`).lastInsertRowid),
      );
    });
    const respondent = db.prepare(
      "INSERT INTO respondent (id, external_id, type, organisation, city, submitted_at, channel, attributes) VALUES (?, ?, ?, ?, ?, ?, 'online', ?)",
    );
    const response = db.prepare(
      'INSERT INTO response (id, respondent_id, question_id, text, status, exclusion_reason) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const assign = db.prepare(
      "INSERT OR IGNORE INTO assignment (response_id, theme_id, source, source_detail, confidence, state, at) VALUES (?, ?, ?, 'bench', ?, ?, '2026-06-02')",
    );
    let id = 0;
    for (let r = 1; r <= respondents && id < spec.responses; r++) {
      const who = pick(sample.respondents);
      respondent.run(
        r,
        `B-${String(r).padStart(7, '0')}`,
        who.type,
        who.organisation,
        who.city,
        who.submittedAt,
        JSON.stringify(who.attributes),
      );
      for (let q = 0; q < sample.questions.length && id < spec.responses; q++) {
        const spec_q = sample.questions[q];
        const text =
          spec_q.kind === 'closed'
            ? pick(spec_q.options ?? [''])
            : Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(sentences)).join(' ');
        const excluded = random() < 0.01;
        response.run(++id, r, q + 1, text, excluded ? 'excluded' : 'new', excluded ? 'spam' : null);
        if (spec_q.kind === 'open') {
          const analyst = random() < 0.1;
          for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
            assign.run(
              id,
              pick(themes[q]),
              analyst ? 'analyst' : 'model',
              analyst ? 1 : 0.5 + random() / 2,
              analyst ? 'accepted' : 'proposed',
            );
          }
        }
      }
    }
    // Two campaigns on Q1: 2% of its responses, counted once.
    const q1 = db
      .prepare('SELECT id FROM response WHERE question_id = 1 AND id % 50 = 0 ORDER BY id')
      .pluck()
      .all() as number[];
    const group = db.prepare(
      "INSERT INTO campaign_group (question_id, template_response_id, size, distinct_texts, kind, status, counting) VALUES (1, ?, ?, 1, 'campaign', 'confirmed', 'one')",
    );
    const member = db.prepare('INSERT INTO campaign_member (group_id, response_id, similarity) VALUES (?, ?, 0.95)');
    for (const half of [q1.slice(0, q1.length / 2), q1.slice(q1.length / 2)]) {
      const g = group.run(half[0], half.length).lastInsertRowid;
      for (const m of half) member.run(g, m);
    }
  })();
  db.close();
  renameSync(partial, path);
  console.log(
    `built ${spec.name}: ${spec.responses.toLocaleString('en-GB')} responses in ${((performance.now() - started) / 1000).toFixed(1)} s (${(statSync(path).size / 1e6).toFixed(0)} MB)`,
  );
}

interface Measured {
  format: ReportFormat;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  baseRssMb: number;
  bytes: number;
}

function measure(dbPath: string, format: ReportFormat, out: string): Measured {
  const tsx = require.resolve('tsx/cli');
  const run = spawnSync(process.execPath, [tsx, join(root, 'bench', 'reports-run.ts'), dbPath, format, out], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`${format} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Measured;
}

const formats = values.formats ? (values.formats.split(',') as ReportFormat[]) : ALL;
mkdirSync(values.dir, { recursive: true });
const results: Record<string, Measured[]> = {};
for (const spec of SPECS.filter((s) => !values.only || s.name === values.only)) {
  const path = join(values.dir, `reports-${spec.name}.consult`);
  if (!existsSync(path)) build(spec, path);
  console.log(`\n${spec.name} (${spec.responses.toLocaleString('en-GB')} responses)`);
  console.log(
    `format       seconds   CPU s   peak RSS MB   (at start)   output MB      [load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs]`,
  );
  results[spec.name] = [];
  for (const format of formats) {
    const out = join(values.dir, `out-${spec.name}.${format}`);
    const m = measure(path, format, out);
    rmSync(out, { force: true });
    results[spec.name].push(m);
    console.log(
      `${format.padEnd(12)} ${m.seconds.toFixed(2).padStart(7)} ${m.cpuSeconds.toFixed(2).padStart(7)}   ${m.peakRssMb.toFixed(0).padStart(11)}   ${m.baseRssMb.toFixed(0).padStart(10)}   ${(m.bytes / 1e6).toFixed(1).padStart(9)}`,
    );
  }
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'reports.json'),
  `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`,
);
