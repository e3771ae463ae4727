import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiEvent, JobProgress, ResponseFilter } from '../../src/shared/api';
import type { SampleConsultation } from '../../src/shared/sample';
import { packageRoot } from '../../src/main/util/paths';
import { testBackend } from '../helpers/temp';

const sample = JSON.parse(
  readFileSync(join(packageRoot(), 'resources', 'sample', 'northern-futures.json'), 'utf8'),
) as SampleConsultation;

/** Answers in the sample file (the source of truth the database was built from), as [respondent, code, text]. */
const answers = sample.respondents.flatMap((r) => Object.entries(r.answers).map(([code, text]) => ({ r, code, text })));

async function opened() {
  const t = testBackend();
  await t.api.call('project.openSample');
  return t;
}

async function all(api: ApiClient, filter: ResponseFilter) {
  const first = await api.call('responses.list', { ...filter, offset: 0, limit: 1000 });
  const rows = [...first.rows];
  while (rows.length < first.total)
    rows.push(...(await api.call('responses.list', { ...filter, offset: rows.length, limit: 1000 })).rows);
  return rows;
}

function jobDone(api: ApiClient, id: string): Promise<JobProgress> {
  return new Promise((resolve) => {
    const off = api.subscribe((e: ApiEvent) => {
      if (e.type === 'job' && e.job.id === id && e.job.state !== 'running') {
        off();
        resolve(e.job);
      }
    });
  });
}

describe('triage through the contract, on the sample consultation', () => {
  beforeAll(() => {
    expect(answers.length).toBeGreaterThan(10_000);
  });

  it('searches phrases, words and prefixes, counting exactly what the text holds, with marked snippets', async () => {
    const { api } = await opened();
    const phrase = answers.filter((a) => /\bbrain drain\b/i.test(a.text));
    const page = await api.call('responses.list', { search: '"brain drain"', offset: 0, limit: 50 });
    expect(page.total).toBe(phrase.length);
    expect(page.total).toBeGreaterThan(10);
    for (const row of page.rows) {
      expect(row.excerpt.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain('brain drain');
    }
    // AND / NOT combine as sets do.
    const both = (await api.call('responses.count', { search: '"brain drain" AND housing' })).total;
    const without = (await api.call('responses.count', { search: '"brain drain" NOT housing' })).total;
    expect(both + without).toBe(phrase.length);
    expect(both).toBe(phrase.filter((a) => /\bhous/i.test(a.text) && /\bhousing\b/i.test(a.text)).length);
    // A prefix finds every word that starts with it.
    expect((await api.call('responses.count', { search: 'graduat*' })).total).toBe(
      answers.filter((a) => /\bgraduat/i.test(a.text)).length,
    );
    // Ranked: the default order for a search is relevance, and relevance differs from respondent order.
    const ranked = await api.call('responses.list', { search: 'graduates', offset: 0, limit: 20 });
    const byId = await api.call('responses.list', {
      search: 'graduates',
      sort: { key: 'respondent', dir: 'asc' },
      offset: 0,
      limit: 20,
    });
    expect(ranked.rows.map((r) => r.id)).not.toEqual(byId.rows.map((r) => r.id));
  });

  it('marks the matches in the reading pane and gives a message for a malformed search', async () => {
    const { api } = await opened();
    const [row] = (await api.call('responses.list', { search: '"brain drain"', offset: 0, limit: 1 })).rows;
    const detail = await api.call('responses.get', { id: row.id, search: '"brain drain"' });
    const current = detail.respondent.answers.find((a) => a.responseId === row.id)!;
    expect(current.segments.map((s) => s.text).join('')).toBe(detail.text);
    expect(current.segments.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain('brain drain');
    await expect(api.call('responses.list', { search: '"brain drain', offset: 0, limit: 5 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/no closing quote/),
    });
    expect((await api.call('responses.count', { search: "don't" })).total).toBeGreaterThan(0);
  });

  it('combines filters exactly as the data says', async () => {
    const { api } = await opened();
    const q2 = (await api.call('questions.list')).find((q) => q.code === 'Q2')!;
    const q5 = (await api.call('questions.list')).find((q) => q.code === 'Q5')!;
    const filter: ResponseFilter = {
      questionId: q2.id,
      cities: ['Leeds', 'Sheffield'],
      respondentTypes: ['individual'],
      submittedFrom: '2026-03-15',
      submittedTo: '2026-04-30',
      answers: [{ questionId: q5.id, options: ['Agree', 'Strongly agree'] }],
    };
    const expected = answers.filter(
      (a) =>
        a.code === 'Q2' &&
        ['Leeds', 'Sheffield'].includes(a.r.city ?? '') &&
        a.r.type === 'individual' &&
        a.r.submittedAt.slice(0, 10) >= '2026-03-15' &&
        a.r.submittedAt.slice(0, 10) <= '2026-04-30' &&
        ['Agree', 'Strongly agree'].includes(a.r.answers.Q5 ?? ''),
    );
    expect(expected.length).toBeGreaterThan(5);
    const rows = await all(api, filter);
    expect(rows.map((r) => r.respondentExternalId).sort()).toEqual(expected.map((a) => a.r.externalId).sort());
    // Regions are the places in them.
    const yorkshire = (await api.call('responses.count', { regions: ['Yorkshire and The Humber'] })).total;
    const places = [
      'Leeds',
      'Sheffield',
      'Bradford',
      'York',
      'Hull',
      'Huddersfield',
      'Doncaster',
      'Wakefield',
      'Barnsley',
      'Harrogate',
    ];
    expect(yorkshire).toBe(answers.filter((a) => places.includes(a.r.city ?? '')).length);
    // Before any theme, scan or detection, nothing is known to have a theme, personal data or a campaign
    // (the themes tables exist from migration 4 on, so the theme filter is offered).
    const facets = await api.call('responses.facets');
    expect(facets.available).toEqual({ themes: true });
    expect((await api.call('responses.count', { themes: { ids: [1], mode: 'any' } })).total).toBe(0);
    expect((await api.call('responses.count', { hasPersonalData: true })).total).toBe(0);
    expect((await api.call('responses.count', { campaign: 'unique' })).total).toBe(answers.length);
  });

  it('filters on personal data, campaigns, stance and sentiment once the signals are found, as their tables say', async () => {
    const { api, backend } = await opened();
    expect(await jobDone(api, (await api.call('signals.scan')).id)).toMatchObject({ state: 'done' });
    expect(await jobDone(api, (await api.call('campaigns.detect', {})).id)).toMatchObject({ state: 'done' });
    const db = new Database(backend.ctx.project().path, { readonly: true });
    const sql = (q: string) => db.prepare(q).pluck().get() as number;
    const withPii = sql('SELECT count(DISTINCT response_id) FROM pii_finding');
    const members = sql(
      "SELECT count(*) FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id WHERE g.status <> 'dismissed'",
    );
    const negative = sql("SELECT count(*) FROM response_signal WHERE sentiment_label = 'negative'");
    db.close();
    expect(withPii).toBeGreaterThan(0);
    expect(members).toBeGreaterThan(0);
    expect((await api.call('responses.count', { hasPersonalData: true })).total).toBe(withPii);
    expect((await api.call('responses.count', { hasPersonalData: false })).total).toBe(answers.length - withPii);
    expect((await api.call('responses.count', { campaign: 'member' })).total).toBe(members);
    expect((await api.call('responses.count', { campaign: 'unique' })).total).toBe(answers.length - members);
    expect((await api.call('responses.count', { sentiments: ['negative'] })).total).toBe(negative);
    // The rows say so too, and the filters combine with the rest.
    const rows = await all(api, { hasPersonalData: true, campaign: 'unique' });
    expect(rows.every((r) => r.personalData > 0 && r.campaignKind === null)).toBe(true);
    const inCampaign = (await api.call('responses.list', { campaign: 'member', offset: 0, limit: 5 })).rows;
    expect(inCampaign.every((r) => r.campaignKind !== null)).toBe(true);
  });

  it('pages through a sorted set with every response exactly once', async () => {
    const { api } = await opened();
    const rows = await all(api, { cities: ['Leeds'], sort: { key: 'submittedAt', dir: 'desc' } } as ResponseFilter);
    const sorted = await api.call('responses.list', {
      cities: ['Leeds'],
      sort: { key: 'submittedAt', dir: 'desc' },
      offset: 0,
      limit: 1000,
    });
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const dates = sorted.rows.map((r) => r.submittedAt!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('records decisions, shows them on the row, in the history and in the audit log, and undoes them exactly', async () => {
    const { api, backend } = await opened();
    await api.call('settings.set', { analystName: 'Priya Shah' });
    const [a, b] = (await api.call('responses.list', { offset: 0, limit: 2 })).rows;
    expect(a.status).toBe('new');

    // Opening marks it read, once; that is history but not an undo step.
    expect(await api.call('triage.markRead', { id: a.id })).toEqual({ changed: true });
    expect(await api.call('triage.markRead', { id: a.id })).toEqual({ changed: false });
    expect(await api.call('triage.undoStack')).toEqual([]);

    await api.call('triage.apply', {
      target: { ids: [a.id] },
      change: { addFlags: ['follow_up', 'notable_quote'], priority: 'high' },
    });
    await api.call('triage.apply', { target: { ids: [a.id] }, change: { note: 'Quote this in the summary.' } });
    await api.call('triage.apply', {
      target: { ids: [b.id] },
      change: { status: 'excluded', exclusionReason: 'spam' },
    });
    // Asking for what is already so changes nothing and records nothing.
    expect(
      await api.call('triage.apply', {
        target: { ids: [b.id] },
        change: { status: 'excluded', exclusionReason: 'spam' },
      }),
    ).toMatchObject({ action: null, changed: 0 });

    const row = (await api.call('responses.list', { offset: 0, limit: 2 })).rows[0];
    expect(row).toMatchObject({
      status: 'read',
      priority: 'high',
      flags: ['follow_up', 'notable_quote'],
      hasNote: true,
    });
    const detail = await api.call('responses.get', { id: b.id });
    expect(detail.triage).toMatchObject({ status: 'excluded', exclusionReason: 'spam' });

    const history = await api.call('triage.history', { responseId: a.id });
    expect(history.map((h) => h.action)).toEqual(['triage.decide', 'triage.decide', 'triage.read']);
    expect(history.every((h) => h.actor === 'Priya Shah')).toBe(true);
    expect(history[0]).toMatchObject({
      before: { note: null },
      after: { note: 'Quote this in the summary.', priority: 'high' },
    });

    // Filters see decisions.
    expect((await api.call('responses.count', { flags: ['notable_quote'] })).total).toBe(1);
    expect((await api.call('responses.count', { statuses: ['excluded'] })).total).toBe(1);
    expect((await api.call('responses.count', { priorities: ['high'] })).total).toBe(1);
    expect((await api.call('responses.count', { unread: true })).total).toBe(answers.length - 2);

    // Undo goes back one action at a time, newest first, and is itself audited.
    expect((await api.call('triage.undoStack')).map((x) => x.description)).toEqual([
      'Status: Excluded (Spam) — one response',
      'Note edited — one response',
      'Priority: High; Flag: Needs follow-up; Flag: Notable quote — one response',
    ]);
    expect(await api.call('triage.undo')).toMatchObject({ reverted: 1, skipped: 0 });
    expect((await api.call('responses.get', { id: b.id })).triage).toMatchObject({
      status: 'new',
      exclusionReason: null,
    });
    expect(await api.call('triage.undo')).toMatchObject({ reverted: 1 });
    expect((await api.call('responses.get', { id: a.id })).triage).toEqual({
      status: 'read',
      exclusionReason: null,
      priority: 'high',
      flags: ['follow_up', 'notable_quote'],
      note: null,
      assignee: null,
    });
    expect((await api.call('triage.history', { responseId: b.id })).map((h) => h.action)).toEqual([
      'triage.undo',
      'triage.decide',
    ]);

    // The audit log holds every step and refuses to be rewritten.
    const db = new Database(backend.ctx.project().path, { readonly: true });
    const logged = db
      .prepare("SELECT action, count(*) AS n FROM audit_log WHERE entity = 'response' GROUP BY action ORDER BY action")
      .all();
    db.close();
    expect(logged).toEqual([
      { action: 'triage.decide', n: 3 },
      { action: 'triage.read', n: 1 },
      { action: 'triage.undo', n: 2 },
    ]);
  });

  it('bulk-sets a filtered set after confirming its count, undoes it, and leaves later changes alone', async () => {
    const { api, backend } = await opened();
    const filter: ResponseFilter = { cities: ['Leeds'], respondentTypes: ['business'] };
    const { total } = await api.call('responses.count', filter);
    expect(total).toBe(answers.filter((a) => a.r.city === 'Leeds' && a.r.type === 'business').length);
    // A stale count is refused and nothing changes.
    await expect(
      api.call('triage.apply', { target: { filter, expectedCount: total + 1 }, change: { status: 'done' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await api.call('responses.count', { statuses: ['done'] })).total).toBe(0);

    const [first] = (await api.call('responses.list', { ...filter, offset: 0, limit: 1 })).rows;
    await api.call('triage.apply', { target: { ids: [first.id] }, change: { status: 'in_review' } });
    const result = await api.call('triage.apply', {
      target: { filter, expectedCount: total },
      change: { status: 'done' },
    });
    expect(result).toMatchObject({ changed: total, jobId: null });
    expect((await api.call('responses.count', { ...filter, statuses: ['done'] })).total).toBe(total);
    const progress = await api.call('triage.progress');
    expect(progress.reduce((n, q) => n + q.done, 0)).toBe(total);

    // Another analyst (another session on the same file) changes one of them; undoing the bulk leaves it as they left it.
    const [second] = (await api.call('responses.list', { ...filter, offset: 1, limit: 1 })).rows;
    const colleague = testBackend();
    await colleague.api.call('project.open', { path: backend.ctx.project().path });
    await colleague.api.call('triage.apply', { target: { ids: [second.id] }, change: { priority: 'low' } });
    expect(await colleague.api.call('triage.undo')).toMatchObject({
      undone: { description: 'Priority: Low — one response' },
    });
    await colleague.api.call('triage.apply', { target: { ids: [second.id] }, change: { priority: 'low' } });
    const undone = await api.call('triage.undo');
    expect(undone).toMatchObject({ reverted: total - 1, skipped: 1 });
    expect((await api.call('responses.get', { id: second.id })).triage).toMatchObject({
      status: 'done',
      priority: 'low',
    });
    expect((await api.call('responses.get', { id: first.id })).triage.status).toBe('in_review');
    expect((await api.call('responses.count', { statuses: ['done'] })).total).toBe(1);
    // Undo went back one step: the single change before the bulk is next.
    expect((await api.call('triage.undoStack')).map((a) => a.description)).toEqual([
      'Status: In review — one response',
    ]);
  });

  it('changes a set larger than the inline limit in a background job, and undoes it there too', async () => {
    const { api } = await opened();
    const { total } = await api.call('responses.count', {});
    const started = await api.call('triage.apply', {
      target: { filter: {}, expectedCount: total },
      change: { status: 'in_review', priority: 'medium' },
    });
    expect(started.jobId).toBeTruthy();
    // While it runs, another change is refused rather than made to wait.
    await expect(api.call('triage.apply', { target: { ids: [1] }, change: { status: 'done' } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const job = await jobDone(api, started.jobId!);
    expect(job).toMatchObject({ state: 'done', result: { changed: total } });
    expect((await api.call('responses.count', { statuses: ['in_review'] })).total).toBe(total);
    const undo = await api.call('triage.undo');
    expect(undo.jobId).toBeTruthy();
    expect(await jobDone(api, undo.jobId!)).toMatchObject({ state: 'done', result: { reverted: total, skipped: 0 } });
    expect((await api.call('responses.count', { statuses: ['new'] })).total).toBe(total);
    expect((await api.call('responses.count', { priorities: ['medium'] })).total).toBe(0);
  });

  it('validates decisions at the boundary', async () => {
    const { api } = await opened();
    const [a] = (await api.call('responses.list', { offset: 0, limit: 1 })).rows;
    await expect(
      api.call('triage.apply', { target: { ids: [a.id] }, change: { status: 'excluded' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/needs a reason/),
    });
    await expect(api.call('triage.apply', { target: { ids: [a.id] }, change: {} })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      api.call('triage.apply', {
        target: { ids: [a.id] },
        change: { addFlags: ['follow_up'], removeFlags: ['follow_up'] },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(api.call('triage.markRead', { id: 99_999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('saves, lists, replaces and deletes named views', async () => {
    const { api } = await opened();
    const saved = await api.call('views.save', {
      name: 'Leeds businesses',
      filter: { cities: ['Leeds'], respondentTypes: ['business'] },
    });
    expect(saved).toMatchObject({
      name: 'Leeds businesses',
      filter: { cities: ['Leeds'], respondentTypes: ['business'] },
    });
    await api.call('views.save', { name: 'Leeds businesses', filter: { cities: ['Leeds'] } });
    expect((await api.call('views.list')).map((v) => v.filter)).toEqual([{ cities: ['Leeds'] }]);
    await api.call('views.delete', { id: saved.id });
    expect(await api.call('views.list')).toEqual([]);
  });

  it('keeps hostile text as text: markup and marker characters in an answer come back unchanged', async () => {
    const { dir, api } = testBackend();
    const path = join(dir, 'hostile.consult');
    await api.call('project.create', { path, title: 'Hostile' });
    const hostile = 'Housing <img src=x onerror=alert(1)> matters \u0001not a mark\u0002 and <b>housing</b> again';
    const db = new Database(path);
    db.prepare("INSERT INTO question (code, text, kind, position) VALUES ('Q1', 'Why?', 'open', 1)").run();
    db.prepare("INSERT INTO respondent (external_id) VALUES ('R1')").run();
    db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (1, 1, ?)').run(hostile);
    db.close();
    const [row] = (await api.call('responses.list', { search: 'housing', offset: 0, limit: 5 })).rows;
    expect(row.excerpt).toEqual([{ text: hostile, match: false }]);
    const detail = await api.call('responses.get', { id: row.id, search: 'housing' });
    expect(detail.respondent.answers[0].segments).toEqual([{ text: hostile, match: false }]);
  });
});
