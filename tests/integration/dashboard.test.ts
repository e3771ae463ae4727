import { CHART_IDS } from '../../src/shared/constants';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  ApiClient,
  ChartData,
  ChartId,
  ChartRequest,
  ChartResult,
  CountingView,
  DashboardFilter,
} from '../../src/shared/api';
import { dashboardWarm } from '../../src/main/dashboard';
import { addAnalysis } from '../helpers/analysis-fixture';
import { finished } from '../helpers/signals-fixture';
import { testBackend } from '../helpers/temp';

const CITIES = ['Manchester', 'Leeds', 'Sheffield', 'Liverpool', 'Newcastle'];
const ALL_CHARTS: readonly ChartId[] = CHART_IDS;

function ready(result: ChartResult): ChartData {
  if (result.state !== 'ready') throw new Error(`chart not ready: ${JSON.stringify(result)}`);
  return result.data;
}

/** label -> value, for charts with one series. */
const single = (data: ChartData): Record<string, number> =>
  Object.fromEntries(data.rows.map((r) => [r.label, r.values[0]]));

/**
 * A stored UTC time's day in the UK, in SQL (independent of the app's own code): an hour on in British Summer
 * Time, which runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
 */
const UK_DAY = `date(submitted_at, CASE WHEN submitted_at >= date(substr(submitted_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00'
  AND submitted_at < date(substr(submitted_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00' THEN '+1 hour' ELSE '+0 hours' END)`;

/** Independent counts, straight from the project file through a connection of its own. */
function raw(path: string) {
  const db = new Database(path, { readonly: true });
  return {
    db,
    rows: <T>(sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[],
    one: (sql: string, ...params: unknown[]): number =>
      db
        .prepare(sql)
        .pluck()
        .get(...params) as number,
  };
}

async function sample() {
  const t = testBackend();
  const project = await t.api.call('project.openSample');
  const questions = await t.api.call('questions.list');
  return { ...t, path: project.path, questions };
}

const chart = (
  api: ApiClient,
  chart: ChartId,
  filter: DashboardFilter = {},
  extra: Partial<ChartRequest> = {},
  counting: CountingView = 'responses',
) => api.call('dashboard.chart', { chart, filter, counting, ...extra });

/** Every bar's filter opens exactly the respondents the bar counts. */
async function expectClickThroughMatches(api: ApiClient, data: ChartData, counting: CountingView = 'responses') {
  let checked = 0;
  for (const row of data.rows) {
    for (const [i, filter] of row.filters.entries()) {
      if (!filter) continue;
      const { respondents } = await api.call('dashboard.count', { filter, counting });
      expect(respondents, `${row.label} / ${data.series[i].label}`).toBe(row.values[i]);
      checked++;
    }
  }
  return checked;
}

describe('dashboard aggregates on the sample consultation', () => {
  it('counts respondents by type and by place as the database does, and each bar opens exactly its respondents', async () => {
    const { api, path } = await sample();
    const sql = raw(path);
    const types = single(ready(await chart(api, 'respondentsByType')));
    const expectedTypes = sql.rows<{ type: string; n: number }>(
      'SELECT type, count(*) AS n FROM respondent WHERE id IN (SELECT respondent_id FROM response) GROUP BY type',
    );
    expect(Object.keys(types)).toHaveLength(expectedTypes.length);
    for (const t of expectedTypes) expect(types[t.type.charAt(0).toUpperCase() + t.type.slice(1)]).toBe(t.n);

    const placeData = ready(await chart(api, 'respondentsByPlace'));
    expect(placeData.rows.slice(0, 5).map((r) => r.label)).toEqual(CITIES);
    const places = single(placeData);
    for (const city of CITIES)
      expect(places[city]).toBe(sql.one('SELECT count(*) FROM respondent WHERE city = ?', city));
    expect(places.Elsewhere).toBe(
      sql.one(
        `SELECT count(*) FROM respondent WHERE city IS NOT NULL AND city NOT IN (${CITIES.map(() => '?').join(',')})`,
        ...CITIES,
      ),
    );
    expect(places['Not given']).toBe(sql.one('SELECT count(*) FROM respondent WHERE city IS NULL'));
    expect(placeData.basedOn).toBe(sql.one('SELECT count(*) FROM respondent'));
    // "Elsewhere" opens every other place, "Not given" the respondents who gave none.
    expect(placeData.rows.find((r) => r.label === 'Not given')?.filters[0]).toEqual({ notGiven: ['place'] });
    expect(await expectClickThroughMatches(api, placeData)).toBe(7);
    sql.db.close();
  });

  it('counts each closed question’s answers, overall and by respondent type', async () => {
    const { api, path, questions } = await sample();
    const sql = raw(path);
    const closed = questions.filter((q) => q.kind === 'closed');
    expect(closed.length).toBe(3);
    for (const q of closed) {
      const data = ready(await chart(api, 'closed', {}, { closedQuestionId: q.id }));
      expect(data.subject).toContain(q.code);
      expect(data.rows.map((r) => r.label)).toEqual(q.options);
      const expected = sql.rows<{ text: string; n: number }>(
        'SELECT text, count(*) AS n FROM response WHERE question_id = ? GROUP BY text',
        q.id,
      );
      expect(single(data)).toEqual(Object.fromEntries(expected.map((e) => [e.text, e.n])));
      expect(data.basedOn).toBe(q.responseCount);
      await expectClickThroughMatches(api, data);

      const byType = ready(await chart(api, 'closedByType', {}, { closedQuestionId: q.id }));
      const cells = sql.rows<{ type: string; text: string; n: number }>(
        'SELECT p.type, r.text, count(*) AS n FROM response r JOIN respondent p ON p.id = r.respondent_id WHERE r.question_id = ? GROUP BY 1, 2',
        q.id,
      );
      for (const c of cells) {
        const row = byType.rows.find((r) => r.key === c.type)!;
        expect(row.values[byType.series.findIndex((s) => s.key === c.text)]).toBe(c.n);
      }
      expect(byType.rows.reduce((s, r) => s + r.base, 0)).toBe(q.responseCount);
    }
    // The first closed question is the default, and the filter's question wins when it is closed.
    expect(ready(await chart(api, 'closed')).subject).toContain(closed[0].code);
    expect(ready(await chart(api, 'closed', { questionId: closed[2].id })).subject).toContain(closed[2].code);
    sql.db.close();
  });

  it('counts submissions per day and per week, filling empty days, and the progress of each open question', async () => {
    const { api, path, questions } = await sample();
    const sql = raw(path);
    const daily = ready(await chart(api, 'overTime', {}, { bucket: 'day' }));
    const perDay = sql.rows<{ day: string; n: number }>(
      `SELECT ${UK_DAY} AS day, count(*) AS n FROM respondent GROUP BY 1`,
    );
    const byKey = new Map(daily.rows.map((r) => [r.key, r.values[0]]));
    for (const d of perDay) expect(byKey.get(d.day)).toBe(d.n);
    const first = perDay.map((d) => d.day).sort()[0];
    const last = perDay
      .map((d) => d.day)
      .sort()
      .at(-1)!;
    expect(daily.rows[0].key).toBe(first);
    expect(daily.rows.at(-1)!.key).toBe(last);
    expect(daily.rows.length).toBe((Date.parse(last) - Date.parse(first)) / 86_400_000 + 1);

    const weekly = ready(await chart(api, 'overTime', {}, { bucket: 'week' }));
    expect(weekly.rows.every((r) => new Date(`${r.key}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(weekly.rows.reduce((s, r) => s + r.values[0], 0)).toBe(sql.one('SELECT count(*) FROM respondent'));
    // One week's bar opens exactly that week's respondents.
    const busiest = [...weekly.rows].sort((a, b) => b.values[0] - a.values[0])[0];
    expect(busiest.values[0]).toBe(
      sql.one(
        `SELECT count(*) FROM respondent WHERE ${UK_DAY} BETWEEN ? AND date(?, '+6 days')`,
        busiest.key,
        busiest.key,
      ),
    );
    await expectClickThroughMatches(api, weekly);

    const prog = ready(await chart(api, 'progress'));
    const open = questions.filter((q) => q.kind === 'open');
    expect(prog.rows.map((r) => r.label)).toEqual(open.map((q) => q.code));
    // Nothing is read or coded in a fresh sample: every response is "not reviewed".
    for (const [i, row] of prog.rows.entries()) expect(row.values).toEqual([0, 0, 0, open[i].responseCount]);
    sql.db.close();
  });

  it('applies every filter as the database would, and the Responses list agrees on a bar with a question chosen', async () => {
    const { api, path, questions } = await sample();
    const sql = raw(path);
    const q1 = questions.find((q) => q.code === 'Q1')!;
    const q5 = questions.find((q) => q.code === 'Q5')!;
    const filter: DashboardFilter = {
      questionId: q1.id,
      search: 'graduates OR investment',
      cities: ['Leeds', 'Manchester', 'York'],
      submittedFrom: '2026-03-10',
      submittedTo: '2026-05-01',
    };
    const inView = `SELECT p.id FROM respondent p JOIN response r ON r.respondent_id = p.id
      WHERE r.question_id = ? AND r.id IN (SELECT rowid FROM response_fts WHERE response_fts MATCH ?)
        AND p.city IN ('Leeds', 'Manchester', 'York') AND substr(p.submitted_at, 1, 10) BETWEEN '2026-03-10' AND '2026-05-01'`;
    const params = [q1.id, filter.search];
    const expectedTypes = sql.rows<{ type: string; n: number }>(
      `SELECT type, count(*) AS n FROM respondent WHERE id IN (${inView}) GROUP BY type`,
      ...params,
    );
    const types = ready(await chart(api, 'respondentsByType', filter));
    expect(types.basedOn).toBe(sql.one(`SELECT count(*) FROM (${inView})`, ...params));
    expect(types.basedOn).toBeGreaterThan(20);
    for (const t of expectedTypes) expect(types.rows.find((r) => r.key === t.type)?.values[0]).toBe(t.n);
    await expectClickThroughMatches(api, types);

    // A bar through the Responses area's own list (with the fields it takes today): one answer to Q1 per respondent.
    const { submittedFrom: _from, submittedTo: _to, ...listable } = filter;
    const business = ready(await chart(api, 'respondentsByType', listable)).rows.find((r) => r.key === 'business')!;
    const listed = await api.call('responses.list', { ...business.filters[0]!, offset: 0, limit: 1 });
    expect(listed.total).toBe(business.values[0]);

    // Closed answers of the respondents in view (those whose Q1 answer matched).
    const closed = ready(await chart(api, 'closed', filter, { closedQuestionId: q5.id }));
    const expectedClosed = sql.rows<{ text: string; n: number }>(
      `SELECT text, count(*) AS n FROM response WHERE question_id = ? AND respondent_id IN (${inView}) GROUP BY text`,
      q5.id,
      ...params,
    );
    for (const c of expectedClosed) expect(closed.rows.find((r) => r.key === c.text)?.values[0]).toBe(c.n);
    await expectClickThroughMatches(api, closed);

    // Respondent type and an answer to a closed question narrow together.
    const narrowed: DashboardFilter = {
      respondentTypes: ['business', 'academic'],
      answers: [{ questionId: q5.id, options: ['Agree', 'Strongly agree'] }],
    };
    const places = ready(await chart(api, 'respondentsByPlace', narrowed));
    expect(places.basedOn).toBe(
      sql.one(
        `SELECT count(*) FROM respondent p WHERE p.type IN ('business', 'academic')
           AND p.id IN (SELECT respondent_id FROM response WHERE question_id = ? AND text IN ('Agree', 'Strongly agree'))`,
        q5.id,
      ),
    );
    await expectClickThroughMatches(api, places);
    sql.db.close();
  });

  it('says so when nothing matches, and explains a malformed search', async () => {
    const { api } = await sample();
    for (const id of [
      'respondentsByType',
      'respondentsByPlace',
      'closed',
      'closedByType',
      'overTime',
      'progress',
    ] as ChartId[]) {
      const result = await chart(api, id, { cities: ['Atlantis'] });
      expect(result, id).toMatchObject({ state: 'empty' });
    }
    await expect(chart(api, 'respondentsByType', { search: '"unfinished' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      api.call('dashboard.chart', { chart: 'nope', filter: {}, counting: 'responses' } as unknown as ChartRequest),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('explains charts waiting for themes, stance and campaigns', async () => {
    const { api, questions } = await sample();
    const q1 = questions.find((q) => q.code === 'Q1')!;
    for (const id of ['themes', 'themesByType', 'themesByPlace'] as ChartId[]) {
      expect(await chart(api, id, { questionId: q1.id })).toMatchObject({
        state: 'unavailable',
        reason: 'No themes yet.',
        action: expect.stringMatching(/Themes area/),
      });
    }
    expect(await chart(api, 'stanceByTheme', { questionId: q1.id })).toMatchObject({
      state: 'unavailable',
      // With the tables in place but nothing analysed, the first thing missing is themes (then stance).
      reason: expect.stringMatching(/Stance|themes/i),
    });
    const once = ready(await chart(api, 'respondentsByType', {}, {}, 'campaigns-once'));
    expect(once.notes.join(' ')).toMatch(/Campaigns have not been detected yet/);
    expect(once.basedOn).toBe(ready(await chart(api, 'respondentsByType')).basedOn);
    const meta = await api.call('dashboard.meta');
    expect(meta).toMatchObject({ available: { themes: false, campaigns: false, stance: false }, focusPlaces: CITIES });
  });
});

describe('dashboard on an empty project', () => {
  it('never draws a chart without data: every chart says why', async () => {
    const { dir, api } = testBackend();
    await api.call('project.create', { path: join(dir, 'empty.consult') });
    for (const id of ALL_CHARTS) {
      const result = await chart(api, id);
      expect(result.state, id).not.toBe('ready');
    }
    expect(await api.call('dashboard.meta')).toMatchObject({ submitted: null, focusPlaces: [] });
    expect(await api.call('dashboard.count', { filter: {}, counting: 'responses' })).toEqual({
      respondents: 0,
      responses: 0,
    });
  });
});

describe('dashboard with themes, campaigns, stance and triage (the tables of issues 4, 5 and 6)', () => {
  async function analysed() {
    const t = await sample();
    await t.api.call('project.close');
    addAnalysis(t.path);
    await t.api.call('project.open', { path: t.path });
    return t;
  }

  it('counts each theme’s respondents with "Other / unclear" last, and by type and place', async () => {
    const { api, path, questions } = await analysed();
    const sql = raw(path);
    const q1 = questions.find((q) => q.code === 'Q1')!;
    expect((await api.call('dashboard.meta')).available).toMatchObject({
      themes: true,
      campaigns: true,
      stance: true,
      triage: true,
    });
    const themes = ready(await chart(api, 'themes', { questionId: q1.id }));
    const expected = sql.rows<{ name: string; n: number }>(
      `SELECT t.name, count(DISTINCT a.response_id) AS n FROM theme t LEFT JOIN assignment a ON a.theme_id = t.id AND a.state <> 'rejected' WHERE t.question_id = ? GROUP BY t.id`,
      q1.id,
    );
    expect(single(themes)).toEqual(Object.fromEntries(expected.map((e) => [e.name, e.n])));
    expect(themes.rows.at(-1)).toMatchObject({ label: 'Other / unclear', apart: true });
    const sorted = themes.rows.slice(0, -1).map((r) => r.values[0]);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    expect(themes.basedOn).toBe(q1.responseCount);
    const uncoded = sql.one(
      "SELECT count(*) FROM response r WHERE question_id = ? AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.response_id = r.id AND a.state <> 'rejected')",
      q1.id,
    );
    expect(themes.notes.join(' ')).toContain(`${uncoded} answers in view have no theme yet`);
    await expectClickThroughMatches(api, themes);

    const byType = ready(await chart(api, 'themesByType', { questionId: q1.id }));
    const cells = sql.rows<{ theme: number; type: string; n: number }>(
      `SELECT a.theme_id AS theme, p.type, count(*) AS n FROM assignment a JOIN response r ON r.id = a.response_id JOIN respondent p ON p.id = r.respondent_id
        WHERE r.question_id = ? AND a.state <> 'rejected' GROUP BY 1, 2`,
      q1.id,
    );
    for (const row of byType.rows) {
      for (const [i, s] of byType.series.entries()) {
        expect(row.values[i]).toBe(cells.find((c) => String(c.theme) === row.key && c.type === s.key)?.n ?? 0);
      }
    }
    for (const s of byType.series) {
      expect(s.base).toBe(
        sql.one(
          'SELECT count(*) FROM response r JOIN respondent p ON p.id = r.respondent_id WHERE r.question_id = ? AND p.type = ?',
          q1.id,
          s.key,
        ),
      );
    }
    await expectClickThroughMatches(api, byType);

    const byPlace = ready(await chart(api, 'themesByPlace', { questionId: q1.id }));
    expect(byPlace.series.map((s) => s.label)).toEqual([...CITIES, 'Elsewhere', 'Not given']);
    await expectClickThroughMatches(api, byPlace);

    // Rejected assignments (an analyst's "no") are in the data and counted nowhere above.
    expect(sql.one("SELECT count(*) FROM assignment WHERE state = 'rejected'")).toBeGreaterThan(0);
    // Stance is shown only for questions that ask for one.
    const q4 = questions.find((q) => q.code === 'Q4')!;
    expect(await chart(api, 'stanceByTheme', { questionId: q4.id })).toMatchObject({
      state: 'unavailable',
      reason: expect.stringMatching(/does not ask/),
    });
    expect(await chart(api, 'sentimentByTheme', { questionId: q4.id })).toMatchObject({ state: 'ready' });

    const stance = ready(await chart(api, 'stanceByTheme', { questionId: q1.id }));
    const stanceCells = sql.rows<{ theme: number; stance: string; n: number }>(
      `SELECT a.theme_id AS theme, s.stance, count(*) AS n FROM assignment a JOIN response r ON r.id = a.response_id JOIN response_signal s ON s.response_id = r.id
        WHERE r.question_id = ? AND a.state <> 'rejected' GROUP BY 1, 2`,
      q1.id,
    );
    for (const row of stance.rows) {
      for (const [i, s] of stance.series.entries())
        expect(row.values[i]).toBe(stanceCells.find((c) => String(c.theme) === row.key && c.stance === s.key)?.n ?? 0);
    }
    expect(stance.basedOn).toBe(
      sql.one(
        "SELECT count(DISTINCT response_id) FROM assignment a JOIN response r ON r.id = a.response_id WHERE r.question_id = ? AND a.state <> 'rejected'",
        q1.id,
      ),
    );
    sql.db.close();
  });

  it('counts each campaign once when asked, in every chart, and the click-through agrees', async () => {
    const { api, path, questions } = await analysed();
    const sql = raw(path);
    const copies = `SELECT m.response_id FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id WHERE g.status <> 'dismissed' AND g.counting = 'one' AND m.response_id <> g.template_response_id`;
    for (const q of questions.filter((x) => x.kind === 'open')) {
      const filter = { questionId: q.id };
      const all = ready(await chart(api, 'respondentsByType', filter));
      const once = ready(await chart(api, 'respondentsByType', filter, {}, 'campaigns-once'));
      expect(all.basedOn).toBe(q.responseCount);
      expect(once.basedOn).toBe(
        sql.one(`SELECT count(*) FROM response WHERE question_id = ? AND id NOT IN (${copies})`, q.id),
      );
      await expectClickThroughMatches(api, once, 'campaigns-once');
    }
    // With no question chosen, a respondent counts while any of their responses counts: one who sent only
    // campaign copies drops out, one who also wrote an answer of their own stays.
    const people = ready(await chart(api, 'respondentsByPlace', {}, {}, 'campaigns-once'));
    expect(people.basedOn).toBe(
      sql.one(`SELECT count(DISTINCT respondent_id) FROM response WHERE id NOT IN (${copies})`),
    );
    await expectClickThroughMatches(api, people, 'campaigns-once');

    // Over time, campaign responses are drawn apart.
    const q2 = questions.find((x) => x.code === 'Q2')!;
    const weeks = ready(await chart(api, 'overTime', { questionId: q2.id }, { bucket: 'week' }));
    expect(weeks.series.map((s) => s.key)).toEqual(['other', 'campaign']);
    expect(weeks.rows.reduce((s, r) => s + r.values[1], 0)).toBe(
      sql.one(
        'SELECT count(*) FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id WHERE g.question_id = ?',
        q2.id,
      ),
    );
    await expectClickThroughMatches(api, weeks);
    // With no question chosen, a respondent with a campaign answer and one of their own counts as a campaign
    // response; "Other responses" bars that would also open them open nothing.
    const allWeeks = ready(await chart(api, 'overTime', {}, { bucket: 'week' }));
    expect(await expectClickThroughMatches(api, allWeeks)).toBeGreaterThan(allWeeks.rows.length);

    // The themes chart under both views.
    const themesAll = ready(await chart(api, 'themes', { questionId: q2.id }));
    const themesOnce = ready(await chart(api, 'themes', { questionId: q2.id }, {}, 'campaigns-once'));
    expect(themesOnce.basedOn).toBeLessThan(themesAll.basedOn);
    await expectClickThroughMatches(api, themesOnce, 'campaigns-once');
    sql.db.close();
  });

  it('opens every segment it can name: progress states, stance, sentiment and "Not given"', async () => {
    const { api, path, questions } = await analysed();
    const q1 = questions.find((q) => q.code === 'Q1')!;
    const prog = ready(await chart(api, 'progress'));
    expect(await expectClickThroughMatches(api, prog)).toBe(prog.rows.length * prog.series.length);
    for (const name of ['stanceByTheme', 'sentimentByTheme'] as const) {
      const data = ready(await chart(api, name, { questionId: q1.id }));
      const cells = data.rows.length * data.series.length;
      expect(await expectClickThroughMatches(api, data)).toBe(cells);
    }
    // Respondents who gave no type: made here, since every sample respondent gives one.
    const db = new Database(path);
    db.prepare('UPDATE respondent SET type = NULL WHERE id % 9 = 0').run();
    db.close();
    const types = ready(await chart(api, 'respondentsByType'));
    const notGiven = types.rows.find((r) => r.label === 'Not given')!;
    expect(notGiven).toMatchObject({ apart: true, filters: [{ notGiven: ['type'] }] });
    expect(notGiven.values[0]).toBe(raw(path).one('SELECT count(*) FROM respondent WHERE type IS NULL'));
    await expectClickThroughMatches(api, types);
  });

  it('charts candidate themes as a draft until one is signed off, and counts sub-themes in their parent', async () => {
    const { api, path, questions } = await analysed();
    const q1 = questions.find((q) => q.code === 'Q1')!;
    const q2 = questions.find((q) => q.code === 'Q2')!;
    const db = new Database(path);
    const themeIds = (q: number) =>
      db.prepare('SELECT id FROM theme WHERE question_id = ? AND is_other = 0 ORDER BY id').pluck().all(q) as number[];

    db.prepare("UPDATE theme SET status = 'candidate' WHERE question_id = ?").run(q2.id);
    const draft = ready(await chart(api, 'themes', { questionId: q2.id }));
    expect(draft.rows).toHaveLength(themeIds(q2.id).length + 1);
    expect(draft.notes.join(' ')).toMatch(/No theme of Q2 has been signed off yet/);
    const [signedOff] = themeIds(q2.id);
    db.prepare("UPDATE theme SET status = 'accepted' WHERE id = ?").run(signedOff);
    const final = ready(await chart(api, 'themes', { questionId: q2.id }));
    expect(final.rows.map((r) => r.key)).toEqual([String(signedOff)]);
    expect(final.notes.join(' ')).not.toMatch(/signed off/);

    const [parent, child] = themeIds(q1.id);
    db.prepare('UPDATE theme SET parent_id = ? WHERE id = ?').run(parent, child);
    const nested = ready(await chart(api, 'themes', { questionId: q1.id }));
    expect(nested.rows.find((r) => r.key === String(child))).toBeUndefined();
    const parentRow = nested.rows.find((r) => r.key === String(parent))!;
    expect(parentRow.values[0]).toBe(
      db
        .prepare("SELECT count(DISTINCT response_id) FROM assignment WHERE theme_id IN (?, ?) AND state <> 'rejected'")
        .pluck()
        .get(parent, child),
    );
    expect(parentRow.filters[0]?.themes).toEqual({ ids: [parent, child], mode: 'any' });
    db.close();
    await expectClickThroughMatches(api, nested);
  });

  it('shows how far the analysis of each question has got', async () => {
    const { api, path, questions } = await analysed();
    const sql = raw(path);
    const prog = ready(await chart(api, 'progress'));
    for (const row of prog.rows) {
      const q = questions.find((x) => x.code === row.label)!;
      const hand = sql.one(
        "SELECT count(*) FROM response r WHERE question_id = ? AND EXISTS (SELECT 1 FROM assignment a WHERE a.response_id = r.id AND a.state = 'accepted')",
        q.id,
      );
      const coded = sql.one(
        "SELECT count(*) FROM response r WHERE question_id = ? AND EXISTS (SELECT 1 FROM assignment a WHERE a.response_id = r.id AND a.state <> 'rejected')",
        q.id,
      );
      const readOnly = sql.one(
        "SELECT count(*) FROM response r WHERE question_id = ? AND status <> 'new' AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.response_id = r.id AND a.state <> 'rejected')",
        q.id,
      );
      expect(row.values).toEqual([hand, coded - hand, readOnly, q.responseCount - coded - readOnly]);
      expect(hand).toBeGreaterThan(0);
    }
    sql.db.close();
  });
});

describe('dashboard results are kept until the data changes', () => {
  it('reads its facts while the backend is idle after a project opens, and again after a job', async () => {
    const { backend, api } = testBackend();
    const { path } = await api.call('project.openSample');
    // (Building the sample ran a job, which asks for the facts too: let that pass first.)
    await backend.whenIdle();
    await api.call('project.close');
    await api.call('project.open', { path });
    const db = () => backend.ctx.project().db;
    expect(dashboardWarm(db())).toBe(false);
    await backend.whenIdle();
    expect(dashboardWarm(db())).toBe(true);
    // A write makes them stale; they are not read again after every write (a triage decision must not wait):
    // nothing is left waiting to read them.
    const [first] = (await api.call('responses.list', { offset: 0, limit: 1 })).rows;
    await api.call('triage.markRead', { id: first.id });
    expect(dashboardWarm(db())).toBe(false);
    await backend.whenIdle();
    expect(dashboardWarm(db())).toBe(false);
    // A job that finishes (here campaign detection, in a worker) leaves them to be read once idle.
    expect((await finished(api, await api.call('campaigns.detect', {}))).state).toBe('done');
    await backend.whenIdle();
    expect(dashboardWarm(db())).toBe(true);
  });

  it('counts again after another connection writes (an import or an analysis job)', async () => {
    const { api, path, questions } = await sample();
    const q5 = questions.find((q) => q.code === 'Q5')!;
    const before = ready(await chart(api, 'closed', {}, { closedQuestionId: q5.id }));
    expect(ready(await chart(api, 'closed', {}, { closedQuestionId: q5.id }))).toEqual(before);
    const db = new Database(path);
    const id = db
      .prepare("INSERT INTO respondent (external_id, type, city) VALUES ('LATE-1', 'business', 'Leeds')")
      .run().lastInsertRowid;
    db.prepare("INSERT INTO response (respondent_id, question_id, text) VALUES (?, ?, 'Agree')").run(id, q5.id);
    db.close();
    const after = ready(await chart(api, 'closed', {}, { closedQuestionId: q5.id }));
    expect(single(after).Agree).toBe(single(before).Agree + 1);
    expect(after.basedOn).toBe(before.basedOn + 1);
  });
});
