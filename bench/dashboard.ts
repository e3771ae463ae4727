/**
 * Time to compute (and, with Chromium, draw) the Dashboard on generated projects of 100k and 1M responses.
 *
 *   npm run bench:dashboard                       # 100k and 1M responses
 *   BENCH_SIZES=100000 npm run bench:dashboard    # one size
 *   BENCH_RENDER=0 npm run bench:dashboard        # compute only
 *
 * Projects are generated once with SQL inserts (deterministic: every value is arithmetic on row numbers),
 * kept in out/bench/ and reused. Each has 7 questions (4 open, 3 closed) answered by ~85% of respondents,
 * 5 respondent types, 5 focus cities plus 20 other places, a year of submissions, themes on every open
 * question, campaign groups and stance, in the layouts src/main/dashboard/schema.ts reads.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectDb, openProjectDb, type Db } from '../src/main/db/connection';
import { dashboardChart, dashboardCount } from '../src/main/dashboard';
import { clearDashboardCache } from '../src/main/dashboard/cache';
import { startServer } from '../src/main/server/http';
import { Backend } from '../src/main/service/backend';
import { inProcessClient } from '../src/main/service/in-process';
import { packageRoot } from '../src/main/util/paths';
import type { ChartId, ChartRequest, CountingView, DashboardFilter } from '../src/shared/api';
import { browserSkipReason, launchBrowser } from '../tests/helpers/browser';

const GENERATOR_VERSION = 4;
const ANSWERS_PER_RESPONDENT = 6; // 7 questions at ~85%
const WORDS = (
  'investment graduates skills transport rail housing salaries london manchester leeds sheffield liverpool newcastle ' +
  'universities research startups funding towns digital broadband apprenticeships colleges retraining employers ' +
  'cluster partnership governance fair share brand international office space talent jobs senior roles remote ' +
  'hybrid culture quality place debt cost living support'
).split(' ');
const TYPES = ['individual', 'business', 'voluntary sector', 'academic', 'local authority'];
const CITIES = ['Manchester', 'Leeds', 'Sheffield', 'Liverpool', 'Newcastle'];
const OTHER_PLACES = Array.from({ length: 20 }, (_, i) => `Town ${i + 1}`);
const AGREE = ['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'];
const THEMES_PER_QUESTION = 12;

function generate(path: string, responses: number): void {
  const started = performance.now();
  const tmp = `${path}.partial`;
  rmSync(tmp, { force: true });
  const db = createProjectDb(tmp, `Benchmark: ${responses.toLocaleString('en-GB')} responses`);
  const respondents = Math.round(responses / ANSWERS_PER_RESPONDENT);
  db.transaction(() => {
    const q = db.prepare('INSERT INTO question (code, text, kind, options, position) VALUES (?, ?, ?, ?, ?)');
    for (let i = 1; i <= 4; i++) q.run(`Q${i}`, `Open question ${i}?`, 'open', null, i);
    q.run('Q5', 'Agree or disagree 1?', 'closed', JSON.stringify(AGREE), 5);
    q.run('Q6', 'Agree or disagree 2?', 'closed', JSON.stringify(AGREE), 6);
    q.run(
      'Q7',
      'Top priority?',
      'closed',
      JSON.stringify(['Skills', 'Transport', 'Digital', 'Business', 'Research']),
      7,
    );
    // Respondents: type skewed to individuals, 80% in the five cities, 4% with no place, a year of dates.
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO respondent (external_id, type, city, submitted_at, channel)
       SELECT printf('B-%07d', i),
              json_extract(?, '$[' || (CASE WHEN i % 100 < 70 THEN 0 ELSE 1 + (i * 7) % 4 END) || ']'),
              CASE WHEN i % 25 = 0 THEN NULL WHEN i % 5 = 0 THEN json_extract(?, '$[' || ((i * 13) % 20) || ']')
                   ELSE json_extract(?, '$[' || ((i * 3) % 5) || ']') END,
              strftime('%Y-%m-%dT%H:%M:%SZ', '2025-06-01', '+' || ((i * 7919) % 365) || ' days', '+' || ((i * 104729) % 86400) || ' seconds'),
              'online'
         FROM n`,
    ).run(respondents, JSON.stringify(TYPES), JSON.stringify(OTHER_PLACES), JSON.stringify(CITIES));
    // Answers: each question skipped by ~15% of respondents; open answers ~14 words, closed ones an option.
    const word = (k: number) =>
      `json_extract(:words, '$[' || ((p.id * ${31 + k} + q.id * ${17 * k + 3} + ${k * 101}) % ${WORDS.length}) || ']')`;
    const text = Array.from({ length: 14 }, (_, k) => word(k)).join(" || ' ' || ");
    db.prepare(
      `INSERT INTO response (respondent_id, question_id, text)
       SELECT p.id, q.id,
              CASE q.kind WHEN 'open' THEN ${text}
                   ELSE json_extract(q.options, '$[' || ((p.id * 11 + q.id * 5) % 5) || ']') END
         FROM respondent p CROSS JOIN question q
        WHERE (p.id * 37 + q.id * 101) % 100 >= 15
        ORDER BY p.id, q.id`,
    ).run({ words: JSON.stringify(WORDS) });

    db.prepare("UPDATE response SET status = 'read' WHERE id % 3 = 0").run();
    const theme = db.prepare(
      "INSERT INTO theme (question_id, name, is_other, status, created_by, created_at) VALUES (?, ?, ?, 'accepted', 'bench', '2026-06-01')",
    );
    for (const qid of db.prepare("SELECT id FROM question WHERE kind = 'open'").pluck().all() as number[]) {
      for (let t = 1; t <= THEMES_PER_QUESTION; t++) theme.run(qid, `Theme ${t} of Q${qid}`, 0);
      theme.run(qid, 'Other / unclear', 1);
    }
    // One or two themes per open answer (a fifth left uncoded), one in ten by an analyst.
    for (const offset of [0, 5]) {
      db.prepare(
        `INSERT OR IGNORE INTO assignment (response_id, theme_id, source, state, source_detail, at)
         SELECT r.id, (SELECT min(id) FROM theme WHERE question_id = r.question_id) + (r.id * 7 + ${offset}) % ${THEMES_PER_QUESTION + 1},
                CASE WHEN r.id % 10 = 1 THEN 'analyst' ELSE 'model' END, CASE WHEN r.id % 10 = 1 THEN 'accepted' ELSE 'proposed' END,
                'bench', '2026-06-01'
           FROM response r JOIN question q ON q.id = r.question_id
          WHERE q.kind = 'open' AND r.id % 5 <> 0 ${offset ? 'AND r.id % 3 = 0' : ''}`,
      ).run();
    }
    db.prepare(
      `INSERT INTO response_signal (response_id, sentiment, stance, sentiment_label)
       SELECT r.id, 0, json_extract('["agree","disagree","mixed","unclear"]', '$[' || (r.id % 4) || ']'),
              json_extract('["positive","neutral","negative"]', '$[' || (r.id % 3) || ']')
         FROM response r JOIN question q ON q.id = r.question_id WHERE q.kind = 'open'`,
    ).run();
    db.prepare(
      "INSERT INTO question_stance (question_id, asks_stance, automatic) SELECT id, 1, 1 FROM question WHERE kind = 'open'",
    ).run();
    // Three campaigns per open question, 2% of its answers each; the first member is the template.
    for (const qid of db.prepare("SELECT id FROM question WHERE kind = 'open'").pluck().all() as number[]) {
      for (let c = 0; c < 3; c++) {
        const members = db
          .prepare('SELECT id FROM response WHERE question_id = ? AND id % 50 = ? ORDER BY id')
          .pluck()
          .all(qid, c) as number[];
        if (!members.length) continue;
        const group = db
          .prepare(
            "INSERT INTO campaign_group (question_id, template_response_id, size, distinct_texts, status, counting) VALUES (?, ?, ?, ?, 'confirmed', 'one')",
          )
          .run(qid, members[0], members.length, members.length).lastInsertRowid;
        db.prepare(
          'INSERT INTO campaign_member (group_id, response_id, similarity) SELECT ?, value, 1 FROM json_each(?)',
        ).run(group, JSON.stringify(members));
      }
    }
  })();
  db.exec('ANALYZE');
  db.close();
  renameSync(tmp, path);
  console.log(`  generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function project(responses: number): string {
  const dir = join(packageRoot(), 'out', 'bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `dashboard-${responses}-v${GENERATOR_VERSION}.consult`);
  if (!existsSync(path)) generate(path, responses);
  return path;
}

/** The requests the Dashboard page makes for one view (a question chosen or not). */
function pageRequests(filter: DashboardFilter, counting: CountingView): ChartRequest[] {
  const charts: ChartId[] = [
    'respondentsByType',
    'respondentsByPlace',
    'overTime',
    'closed',
    'closedByType',
    'progress',
  ];
  if (filter.questionId !== undefined)
    charts.unshift('themes', 'themesByType', 'themesByPlace', 'stanceByTheme', 'sentimentByTheme');
  return charts.map((chart) => ({
    chart,
    filter,
    counting,
    ...(chart === 'overTime' ? { bucket: 'week' as const } : {}),
  }));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time<T>(run: () => T, repeats = 3): { ms: number; value: T } {
  let value!: T;
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    value = run();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

/**
 * One view of the page (the count and every chart, in the order the page asks): first, on a project whose
 * data has just changed (the facts read again); then with a new filter (facts kept, every chart counted
 * afresh); then asked again (results kept).
 */
function computeBench(db: Db, label: string, filter: DashboardFilter, counting: CountingView): void {
  const page = (): string[] => {
    const cells: string[] = [];
    let t = performance.now();
    dashboardCount(db, filter, counting);
    cells.push(`count ${(performance.now() - t).toFixed(0)}`);
    for (const req of pageRequests(filter, counting)) {
      t = performance.now();
      const value = dashboardChart(db, req);
      cells.push(
        `${req.chart} ${(performance.now() - t).toFixed(0)}${value.state === 'ready' ? '' : ` (${value.state})`}`,
      );
    }
    return cells;
  };
  let cells: string[] = [];
  const first = time(() => {
    clearDashboardCache(db);
    cells = page();
  }).ms;
  const refilter = time(() => {
    clearDashboardCache(db, 'facts');
    page();
  }).ms;
  const again = time(page).ms;
  console.log(
    `  ${label.padEnd(36)} first ${first.toFixed(0).padStart(5)} ms, new filter ${refilter.toFixed(0).padStart(4)} ms, again ${again.toFixed(1).padStart(4)} ms | first: ${cells.join(', ')}`,
  );
}

interface Drawn {
  /** Nothing read yet: the facts, the view and every chart computed while the page waits. */
  cold: number;
  /** The facts read while the backend was idle after the project opened (what a user usually meets). */
  factsRead: number;
  /** Everything kept: coming back to the same view. */
  again: number;
}

/**
 * Opens the Dashboard in Chromium (serve mode) and times until every chart has drawn or said why not, from a
 * click on the Dashboard link: with nothing computed, with the facts already read, and again.
 */
async function renderBench(path: string, hash: string): Promise<Drawn> {
  const backend = new Backend({ dataDir: join(packageRoot(), 'out', 'bench', 'data') });
  const api = inProcessClient(backend);
  await api.call('project.open', { path });
  const db = backend.ctx.project().db;
  const server = await startServer({ backend, staticDir: join(packageRoot(), 'out', 'renderer') });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(server.loginUrl);
    await page.locator('.project-name').waitFor();
    const visit = async (before: () => void): Promise<number> => {
      await page.evaluate("window.location.hash = '#/import'");
      await page.locator('h1', { hasText: 'Import' }).waitFor();
      before();
      const t = performance.now();
      await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
      // Settled: every chart card shows a drawn chart or a message, and none is still counting. (Polled from
      // here: the page's content security policy forbids waitForFunction's string evaluation.)
      const settled = `(() => { const cards = [...document.querySelectorAll('[data-chart]')];
        return cards.length > 0 && cards.every((c) => c.getAttribute('aria-busy') === 'false' && (c.querySelector('svg.recharts-surface') || c.querySelector('.chart-message, .error'))); })()`;
      while (!(await page.evaluate<boolean>(settled))) await new Promise((r) => setTimeout(r, 10));
      return performance.now() - t;
    };
    const three = async (before: () => void): Promise<number> =>
      median([await visit(before), await visit(before), await visit(before)]);
    return {
      cold: await three(() => clearDashboardCache(db)),
      factsRead: await three(() => clearDashboardCache(db, 'facts')),
      again: await three(() => undefined),
    };
  } finally {
    await browser.close();
    await server.close();
    await backend.close();
  }
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
  const render =
    process.env.BENCH_RENDER !== '0' &&
    browserSkipReason() === null &&
    existsSync(join(packageRoot(), 'out', 'renderer', 'index.html'));
  for (const size of sizes) {
    console.log(`\n${size.toLocaleString('en-GB')} responses`);
    const path = project(size);
    const db = openProjectDb(path);
    const q1 = db.prepare("SELECT id FROM question WHERE code = 'Q1'").pluck().get() as number;
    const stats = db
      .prepare('SELECT (SELECT count(*) FROM respondent) AS respondents, (SELECT count(*) FROM response) AS responses')
      .get() as Record<string, number>;
    console.log(
      `  ${stats.respondents.toLocaleString('en-GB')} respondents, ${stats.responses.toLocaleString('en-GB')} responses (median of 3 runs)`,
    );
    computeBench(db, 'all questions, every response', {}, 'responses');
    computeBench(db, 'all questions, each campaign once', {}, 'campaigns-once');
    computeBench(db, 'Q1 (with the theme charts)', { questionId: q1 }, 'responses');
    computeBench(db, 'Q1, each campaign once', { questionId: q1 }, 'campaigns-once');
    computeBench(
      db,
      'Q1, business, Leeds',
      { questionId: q1, respondentTypes: ['business'], cities: ['Leeds'] },
      'responses',
    );
    computeBench(db, 'search "rail AND housing"', { search: 'rail AND housing' }, 'responses');
    db.close();
    if (render) {
      const all = await renderBench(path, '#/dashboard');
      const withQ = await renderBench(
        path,
        `#/dashboard?filter=${encodeURIComponent(JSON.stringify({ questionId: q1 }))}`,
      );
      const ms = (r: Drawn) =>
        `nothing computed ${r.cold.toFixed(0)} ms, facts read ${r.factsRead.toFixed(0)} ms, again ${r.again.toFixed(0)} ms`;
      console.log(
        `  drawn in Chromium (serve mode, median of 3):\n    all questions: ${ms(all)}\n    Q1 with theme charts: ${ms(withQ)}`,
      );
    } else console.log('  (drawing not measured: needs Chromium and `npx electron-vite build`)');
  }
}

await main();
