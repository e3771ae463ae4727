/**
 * Triage benchmark: search, filter and page queries at p50/p95, and the time to open a project, on generated
 * projects of 100,000 respondents (7 questions, ~620k responses) and of 1,000,000 responses (250,000
 * respondents x 4 open questions). The projects are built directly with SQL inserts, deterministically (a
 * seeded generator recombining sentences of the sample consultation), and kept in a cache folder between
 * runs. Run: npm run bench:triage [-- --only 100k|1m] [--runs N] [--dir PATH]
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ResponseFilter, ResponseQuery } from '../src/shared/api';
import type { SampleConsultation } from '../src/shared/sample';
import { createProjectDb, openProjectDb, type Db } from '../src/main/db/connection';
import { countResponses, listResponses, responseFacets } from '../src/main/db/queries/responses';
import { applyChange, progressByQuestion, undoAction } from '../src/main/db/queries/triage';
import { packageRoot } from '../src/main/util/paths';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '30' },
    dir: { type: 'string', default: join(tmpdir(), 'consult-bench') },
  },
});
const RUNS = Number(values.runs);

/** Park-Miller: the same numbers on every machine. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48_271) % 2_147_483_647) / 2_147_483_647;
}

const sample = JSON.parse(
  readFileSync(join(packageRoot(), 'resources', 'sample', 'northern-futures.json'), 'utf8'),
) as SampleConsultation;
const sentences = [
  ...new Set(
    sample.respondents.flatMap((r) =>
      Object.entries(r.answers)
        .filter(([code]) => sample.questions.find((q) => q.code === code)?.kind === 'open')
        .flatMap(([, text]) => text.split(/(?<=[.!?])\s+/)),
    ),
  ),
];
const cities = sample.respondents.map((r) => r.city);
const types = sample.respondents.map((r) => r.type);

interface Spec {
  name: string;
  respondents: number;
  open: number;
  closed: number;
}

const SPECS: Spec[] = [
  { name: '100k', respondents: 100_000, open: 4, closed: 3 },
  { name: '1m', respondents: 250_000, open: 4, closed: 0 },
];

function build(spec: Spec, path: string): void {
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  const started = performance.now();
  const db = createProjectDb(partial, `Bench ${spec.name}`);
  const random = rng(spec.respondents);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const options = ['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'];
  db.transaction(() => {
    const question = db.prepare('INSERT INTO question (code, text, kind, options, position) VALUES (?, ?, ?, ?, ?)');
    for (let q = 1; q <= spec.open + spec.closed; q++) {
      const closed = q > spec.open;
      question.run(`Q${q}`, `Question ${q}`, closed ? 'closed' : 'open', closed ? JSON.stringify(options) : null, q);
    }
    const respondent = db.prepare(
      "INSERT INTO respondent (id, external_id, type, city, submitted_at, channel) VALUES (?, ?, ?, ?, ?, 'online')",
    );
    const response = db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (?, ?, ?)');
    const start = Date.parse('2026-03-02T09:00:00Z');
    for (let r = 1; r <= spec.respondents; r++) {
      const at = new Date(start + Math.floor(random() * 84 * 86_400_000)).toISOString().replace('.000', '');
      respondent.run(r, `B-${String(r).padStart(7, '0')}`, pick(types), pick(cities), at);
      for (let q = 1; q <= spec.open + spec.closed; q++) {
        if (q <= spec.open) {
          // The 1M project answers every question (exactly 1M); the other skips some, as people do.
          if (spec.closed && random() < 0.12) continue;
          const n = 1 + Math.floor(random() * 3);
          response.run(r, q, Array.from({ length: n }, () => pick(sentences)).join(' '));
        } else response.run(r, q, pick(options));
      }
      if (r % 50_000 === 0) process.stdout.write(`  ${spec.name}: ${r.toLocaleString('en-GB')} respondents\n`);
    }
    // Some triage already done, so status and flag filters select realistic slices.
    db.exec(`
      UPDATE response SET status = 'read' WHERE id % 10 = 1;
      UPDATE response SET status = 'done' WHERE id % 50 = 2;
      UPDATE response SET status = 'excluded', exclusion_reason = 'spam' WHERE id % 500 = 3;
      INSERT INTO response_flag (response_id, flag) SELECT id, 'follow_up' FROM response WHERE id % 97 = 0;
      INSERT INTO response_flag (response_id, flag) SELECT id, 'notable_quote' FROM response WHERE id % 211 = 0;
    `);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(partial, path);
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
  console.log(
    `  built ${spec.name} in ${((performance.now() - started) / 1000).toFixed(1)} s (${(statSync(path).size / 1e6).toFixed(0)} MB)`,
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

type Row = { kind: string; p50: number; p95: number; max: number; rows: string };

function measure(kind: string, queries: (() => number)[]): Row {
  process.stderr.write(`  ${kind}…\n`);
  const times: number[] = [];
  let matched = 0;
  for (let i = 0; i < RUNS; i++) {
    const q = queries[i % queries.length];
    times.push(time(() => (matched = q())));
  }
  times.sort((a, b) => a - b);
  return {
    kind,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1],
    rows: matched.toLocaleString('en-GB'),
  };
}

function run(spec: Spec, path: string): void {
  // Open: what the app does before the first screen: open (schema check), count + first page, menus, progress.
  const opens: number[] = [];
  // Untimed: an older cached file is brought up to date (migrations run once, not on every open).
  openProjectDb(path).close();
  let db: Db | undefined;
  for (let i = 0; i < 5; i++) {
    db?.close();
    opens.push(
      time(() => {
        db = openProjectDb(path);
        listResponses(db, { offset: 0, limit: 50 });
        responseFacets(db);
        progressByQuestion(db);
      }),
    );
  }
  const d = db!;
  const total = countResponses(d, {});
  const random = rng(7);
  const city = (): string => cities[Math.floor(random() * 5)] ?? 'Leeds';
  const list = (q: Omit<ResponseQuery, 'limit'>) => () => listResponses(d, { ...q, limit: 50 }).total;
  const firstPage = (filters: ResponseFilter[]) => filters.map((f) => list({ ...f, offset: 0 }));

  const searches = [
    'graduates',
    '"brain drain"',
    'hous*',
    'transport AND rail',
    'skills NOT London',
    '"rail links" OR trains',
    'apprenticeships',
    'Manchester',
  ];
  const rows: Row[] = [
    measure('search (count + ranked first page)', firstPage(searches.map((search) => ({ search })))),
    measure(
      'search + question + city',
      firstPage(searches.map((search) => ({ search, questionId: 2, cities: [city()] }))),
    ),
    measure('filter: question', firstPage([1, 2, 3, 4].map((questionId) => ({ questionId })))),
    measure(
      'filter: status',
      firstPage(
        [['new'], ['read'], ['done'], ['excluded']].map((s) => ({ statuses: s as ResponseFilter['statuses'] })),
      ),
    ),
    measure('filter: unread + question', firstPage([1, 2, 3].map((questionId) => ({ questionId, unread: true })))),
    measure('filter: flag', firstPage([{ flags: ['follow_up'] }, { flags: ['notable_quote'] }])),
    measure('filter: city', firstPage(Array.from({ length: 5 }, () => ({ cities: [city()] })))),
    measure(
      'filter: city + type',
      firstPage(Array.from({ length: 5 }, () => ({ cities: [city()], respondentTypes: ['business'] }))),
    ),
    measure(
      'filter: date range',
      firstPage([{ submittedFrom: '2026-04-01', submittedTo: '2026-04-14' }, { submittedFrom: '2026-05-01' }]),
    ),
    measure(
      'filter: question + status + city + type',
      firstPage([{ questionId: 2, statuses: ['new'], cities: ['Leeds'], respondentTypes: ['individual'] }]),
    ),
    ...(spec.closed
      ? [
          measure(
            'filter: closed answer + question',
            firstPage([{ questionId: 1, answers: [{ questionId: spec.open + 1, options: ['Agree'] }] }]),
          ),
        ]
      : []),
    measure(
      'page: deep offsets, no filter',
      Array.from({ length: 10 }, () => list({ offset: Math.floor(random() * (total - 50)) })),
    ),
    measure(
      'page: deep offsets, question filter',
      Array.from({ length: 10 }, () => list({ questionId: 2, offset: Math.floor(random() * (total / 5)) })),
    ),
    measure(
      'page: sorted by date, deep',
      Array.from({ length: 10 }, () =>
        list({ sort: { key: 'submittedAt', dir: 'asc' }, offset: Math.floor(random() * (total - 50)) }),
      ),
    ),
    measure(
      'page: city, sorted by date',
      Array.from({ length: 5 }, () => list({ cities: [city()], sort: { key: 'submittedAt', dir: 'desc' }, offset: 0 })),
    ),
    measure(
      'count only (bulk confirmation)',
      [{ cities: ['Leeds'] }, { questionId: 1, statuses: ['new'] as ResponseFilter['statuses'] }].map(
        (f) => () => countResponses(d, f),
      ),
    ),
    measure('progress per question', [() => progressByQuestion(d).length]),
  ];
  opens.sort((a, b) => a - b);
  rows.unshift({
    kind: 'open project (first screen)',
    p50: percentile(opens, 50),
    p95: percentile(opens, 95),
    max: opens[opens.length - 1],
    rows: total.toLocaleString('en-GB'),
  });

  // A bulk change of 10,000 responses and its undo (in the app these run as a background job).
  const ctx = { session: 'bench', actor: 'bench' };
  const bulkFilter: ResponseFilter = { questionId: 1, cities: ['Leeds'] };
  let action: ReturnType<typeof applyChange> = null;
  const bulk = time(
    () =>
      (action = applyChange(d, { filter: bulkFilter, expectedCount: 0 }, { addFlags: ['organisation'] }, 'bench', ctx)),
  );
  const changed = (action as ReturnType<typeof applyChange>)?.changed ?? 0;
  const undo = time(() => action && undoAction(d, action, ctx));
  rows.push({
    kind: 'bulk flag on question + city',
    p50: bulk,
    p95: bulk,
    max: bulk,
    rows: changed.toLocaleString('en-GB'),
  });
  rows.push({ kind: 'undo of that bulk', p50: undo, p95: undo, max: undo, rows: changed.toLocaleString('en-GB') });
  d.close();

  console.log(
    `\n${spec.name}: ${spec.respondents.toLocaleString('en-GB')} respondents, ${total.toLocaleString('en-GB')} responses, ${RUNS} runs per kind (ms)`,
  );
  console.log(`${'query'.padEnd(42)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  matched`);
  for (const r of rows)
    console.log(
      `${r.kind.padEnd(42)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}  ${r.rows}`,
    );
}

mkdirSync(values.dir, { recursive: true });
for (const spec of SPECS.filter((s) => !values.only || s.name === values.only)) {
  const path = join(values.dir, `triage-${spec.name}-v5.consult`);
  if (!existsSync(path)) {
    console.log(`Building the ${spec.name} project at ${path} (kept for later runs)…`);
    build(spec, path);
  }
  run(spec, path);
}
