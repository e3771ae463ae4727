import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiClient, JobProgress } from '../../src/shared/api';
import { assignImportedThemes } from '../../src/main/db/queries/assignments';
import { loadSample } from '../../src/main/importers/sample';
import type { Backend } from '../../src/main/service/backend';
import { nmi } from '../../src/main/analysis/evaluate';
import { themedConsultation } from '../fixtures/themed-consultation';
import { jobEnd } from '../helpers/jobs';
import { testBackend } from '../helpers/temp';

async function project(
  name = 'p.consult',
  perTopic = 30,
): Promise<{ api: ApiClient; backend: Backend; questionId: number; topicOf: Map<string, string | null> }> {
  const { api, backend, dir } = testBackend();
  await api.call('project.create', { path: join(dir, name) });
  const { sample, topicOf } = themedConsultation(perTopic);
  loadSample(backend.ctx.project().db, sample);
  const questions = await api.call('questions.list');
  return { api, backend, questionId: questions.find((q) => q.code === 'Q1')!.id, topicOf };
}

async function discover(
  api: ApiClient,
  questionId: number,
  themes: number | 'auto' = 4,
  otherOnly = false,
): Promise<JobProgress> {
  const { jobId } = await api.call('themes.discover', { questionId, themes, seed: 3, otherOnly });
  const job = await jobEnd(api, jobId);
  expect(job.error?.message).toBeUndefined();
  return job;
}

/** Each response's proposed theme name, by respondent. */
async function membership(api: ApiClient, questionId: number): Promise<Map<string, string>> {
  const { themes } = await api.call('themes.list', { questionId });
  const out = new Map<string, string>();
  for (const t of themes) {
    const page = await api.call('themes.responses', { themeId: t.id, offset: 0, limit: 500 });
    for (const r of page.rows) out.set(r.respondentExternalId, t.isOther ? 'Other' : t.name);
  }
  return out;
}

describe('themes: discovery, codebook, classification, provenance', () => {
  it('discovers the planted themes with keywords and quotes, puts non-answers in Other, and is deterministic', async () => {
    const { api, questionId, topicOf } = await project();
    const job = await discover(api, questionId);
    expect(job.result).toMatchObject({ themes: 4, languages: expect.objectContaining({ de: 1 }) });
    const list = await api.call('themes.list', { questionId });
    const themes = list.themes.filter((t) => !t.isOther);
    expect(themes).toHaveLength(4);
    for (const t of themes) {
      expect(t.status).toBe('candidate');
      expect(t.keywords.length).toBeGreaterThanOrEqual(3);
      expect(t.quotes.length).toBeGreaterThanOrEqual(3);
      expect(t.quotes.length).toBeLessThanOrEqual(5);
      expect(t.proposed).toBeGreaterThan(0);
    }
    const other = list.themes.find((t) => t.isOther)!;
    expect(other.name).toBe('Other / unclear');
    const members = await membership(api, questionId);
    for (const id of ['R0121', 'R0122', 'R0123']) expect(members.get(id)).toBe('Other');
    // The planted topics come back (NMI over the topical answers).
    const topical = [...topicOf].filter(([, t]) => t !== null);
    expect(
      nmi(
        topical.map(([, t]) => t!),
        topical.map(([id]) => members.get(id)!),
      ),
    ).toBeGreaterThan(0.8);
    expect(list.discovery).toMatchObject({
      kind: 'discover',
      seed: 3,
      parameters: expect.objectContaining({ themes: 4, dims: 100 }),
    });
    expect(Object.keys(list.discovery!.timings)).toEqual(expect.arrayContaining(['tfidf', 'svd', 'kmeans']));

    // The same data and parameters give the same themes.
    await discover(api, questionId);
    const again = await membership(api, questionId);
    expect([...again.entries()].sort()).toEqual([...members.entries()].sort());
    // A re-run replaced the candidates rather than adding more.
    expect((await api.call('themes.list', { questionId })).themes).toHaveLength(5);
  });

  it('codebook edits keep every decision: rename, accept, nest, merge, split, delete', async () => {
    const { api, questionId } = await project();
    await discover(api, questionId);
    const [a, b, c] = (await api.call('themes.list', { questionId })).themes.filter((t) => !t.isOther);
    // Accept all of a's proposals and some of b's; the analyst adds one by hand.
    await api.call('themes.decide', { decision: 'accept', themeId: a.id });
    const bRows = (await api.call('themes.responses', { themeId: b.id, offset: 0, limit: 500 })).rows;
    await api.call('themes.decide', {
      decision: 'accept',
      assignmentIds: bRows.slice(0, 5).map((r) => r.assignment.id),
    });
    const extra = bRows[6].responseId;
    await api.call('themes.assign', { responseIds: [extra], themeId: a.id });
    const renamed = await api.call('themes.update', {
      themeId: a.id,
      name: 'Keeping graduates',
      description: 'Talent and skills',
      status: 'accepted',
    });
    expect(renamed).toMatchObject({ name: 'Keeping graduates', status: 'accepted', accepted: a.proposed + 1 });
    await expect(api.call('themes.update', { themeId: b.id, name: 'Keeping graduates' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // Nesting is one level only.
    await api.call('themes.update', { themeId: c.id, parentId: a.id });
    await expect(api.call('themes.update', { themeId: a.id, parentId: b.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });

    // Merge b into a: nothing is lost; on `extra`, which both had, the analyst's decision wins over b's proposal.
    const merged = await api.call('themes.merge', { targetId: a.id, sourceIds: [b.id] });
    expect(merged.accepted).toBe(a.proposed + 1 + 5);
    expect(merged.proposed).toBe(b.proposed - 5 - 1);
    const extraAssignments = (await api.call('themes.ofResponse', { responseId: extra })).assignments;
    expect(extraAssignments.find((x) => x.themeId === a.id)).toMatchObject({ state: 'accepted', source: 'analyst' });

    // Split five responses off into their own theme.
    const moving = (
      await api.call('themes.responses', { themeId: a.id, states: ['accepted'], offset: 0, limit: 5 })
    ).rows.map((r) => r.responseId);
    const split = await api.call('themes.split', { themeId: a.id, name: 'Apprenticeships', responseIds: moving });
    expect(split.accepted).toBe(5);
    expect((await api.call('themes.list', { questionId })).themes.find((t) => t.id === a.id)!.accepted).toBe(
      merged.accepted - 5,
    );

    // Unassigning records a rejection (a model may not propose it again).
    await api.call('themes.unassign', { responseIds: [moving[0]], themeId: split.id });
    expect(
      (await api.call('themes.ofResponse', { responseId: moving[0] })).assignments.find((x) => x.themeId === split.id)
        ?.state,
    ).toBe('rejected');

    const { deletedAssignments } = await api.call('themes.delete', { themeId: split.id });
    expect(deletedAssignments).toBe(5);
    const stats = await api.call('project.stats');
    expect(stats.auditEntries).toBeGreaterThanOrEqual(9);
  });

  it('the classifier proposes themes with confidence and highlighted evidence, measures its agreement, and never overwrites a person', async () => {
    const { api, backend, questionId } = await project('c.consult', 40);
    await discover(api, questionId);
    const themes = (await api.call('themes.list', { questionId })).themes.filter((t) => !t.isOther);
    // The analyst accepts the four themes and codes half of each theme's responses.
    const analystRows: number[] = [];
    for (const t of themes) {
      await api.call('themes.update', { themeId: t.id, status: 'accepted' });
      const rows = (await api.call('themes.responses', { themeId: t.id, offset: 0, limit: 500 })).rows;
      await api.call('themes.decide', {
        decision: 'accept',
        assignmentIds: rows.filter((_, i) => i % 2 === 0).map((r) => r.assignment.id),
      });
      analystRows.push(rows[1].responseId);
    }
    // One hand assignment the model would disagree with: an answer from the second theme given the first.
    const [first] = themes;
    const byHand = analystRows[1];
    await api.call('themes.assign', { responseIds: [byHand], themeId: first.id });
    // And a keyword rule.
    await api.call('themes.setRules', { themeId: first.id, rules: [['brain drain', 'graduate']] });

    const { jobId } = await api.call('themes.classify', { questionId, seed: 1 });
    const job = await jobEnd(api, jobId);
    expect(job.error?.message).toBeUndefined();
    expect(job.result).toMatchObject({
      proposals: expect.any(Number),
      agreement: expect.objectContaining({ samplesF1: expect.any(Number) }),
    });

    const agreement = (await api.call('themes.agreement', { questionId }))!;
    expect(agreement.perTheme).toHaveLength(4);
    expect(agreement.samplesF1).toBeGreaterThan(0.8);
    expect(agreement.kappa).toBeGreaterThan(0.7);
    for (const t of agreement.perTheme)
      expect(t).toMatchObject({ precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number) });

    // Proposals come least certain first, with evidence that points into the text.
    const review = await api.call('themes.review', { questionId, offset: 0, limit: 50 });
    expect(review.total).toBeGreaterThan(0);
    const confidences = review.rows.map((r) => r.assignment.confidence!);
    expect(confidences).toEqual([...confidences].sort((x, y) => x - y));
    const withEvidence = review.rows.find((r) => r.assignment.source === 'model' && r.assignment.evidence.length)!;
    for (const span of withEvidence.assignment.evidence)
      expect(withEvidence.text.slice(span.start, span.end).length).toBeGreaterThan(0);
    expect(withEvidence.assignment.sourceDetail).toMatch(
      /^classifier run \d+ \(logistic regression, threshold [\d.]+, seed 1\)$/,
    );
    const ruled = (
      await api.call('themes.responses', { themeId: first.id, states: ['proposed'], offset: 0, limit: 500 })
    ).rows.filter((r) => r.assignment.source === 'rule');
    expect(ruled.length).toBeGreaterThan(0);
    for (const r of ruled)
      expect(r.assignment.evidence.map((e) => r.text.slice(e.start, e.end).toLowerCase())).toEqual(
        expect.arrayContaining([expect.stringMatching(/brain drain|graduate/)]),
      );

    // The hand assignment is still the analyst's, untouched by the run.
    const mine = (await api.call('themes.ofResponse', { responseId: byHand })).assignments.find(
      (a) => a.themeId === first.id,
    )!;
    expect(mine).toMatchObject({ source: 'analyst', state: 'accepted', runId: null });
    // And SQL itself refuses to turn it back into a proposal.
    const db = backend.ctx.project().db;
    expect(() =>
      db.prepare("UPDATE assignment SET source = 'model', state = 'proposed' WHERE id = ?").run(mine.id),
    ).toThrow(/cannot be overwritten/);

    // Rejecting in bulk, then re-running: rejected proposals are not proposed again.
    const toReject = review.rows.slice(0, 3).map((r) => r.assignment);
    await api.call('themes.decide', { decision: 'reject', assignmentIds: toReject.map((a) => a.id) });
    await jobEnd(api, (await api.call('themes.classify', { questionId, seed: 1 })).jobId);
    for (const a of toReject) {
      const now = (await api.call('themes.ofResponse', { responseId: a.responseId })).assignments.find(
        (x) => x.themeId === a.themeId,
      )!;
      expect(now.state).toBe('rejected');
    }
  });

  it('re-clusters only the Other group on request', async () => {
    const { api, questionId } = await project();
    await discover(api, questionId, 4);
    const before = (await api.call('themes.list', { questionId })).themes;
    const other = before.find((t) => t.isOther)!;
    // Move one whole theme's responses to Other so there is something to re-cluster.
    const victim = before.find((t) => !t.isOther)!;
    await api.call('themes.merge', { targetId: other.id, sourceIds: [victim.id] });
    await discover(api, questionId, 2, true);
    const after = (await api.call('themes.list', { questionId })).themes;
    expect(after.filter((t) => !t.isOther).length).toBeGreaterThan(before.filter((t) => !t.isOther).length - 1);
    expect(after.find((t) => t.isOther)!.proposed).toBeLessThan(victim.proposed + other.proposed);
  });

  it('cancelling discovery leaves the project as it was', async () => {
    const { api, questionId } = await project();
    const { jobId } = await api.call('themes.discover', { questionId, themes: 'auto' });
    await api.call('jobs.cancel', { id: jobId });
    const job = await jobEnd(api, jobId);
    expect(job.state).toBe('cancelled');
    expect((await api.call('themes.list', { questionId })).themes).toEqual([]);
    expect((await api.call('project.stats')).assignments).toBe(0);
  });

  it('exports a codebook (JSON and REFI-QDA) and imports it into another consultation', async () => {
    const { api, questionId } = await project();
    const a = await api.call('themes.create', {
      questionId,
      name: 'Transport & trains',
      description: 'Rail <and> bus',
    });
    await api.call('themes.create', { questionId, name: 'Late trains', parentId: a.id });
    await api.call('themes.setRules', { themeId: a.id, rules: [['train', 'bus']] });
    const json = await api.call('themes.exportCodebook', { questionId, format: 'json' });
    const qdc = await api.call('themes.exportCodebook', { questionId, format: 'qdc' });
    expect(qdc.content).toContain('name="Transport &amp; trains"');
    expect(qdc.content).toContain('<Description>Rail &lt;and&gt; bus</Description>');

    const second = await project('second.consult');
    expect(
      await second.api.call('themes.importCodebook', { questionId: second.questionId, content: json.content }),
    ).toEqual({ created: 2, updated: 0 });
    const imported = (await second.api.call('themes.list', { questionId: second.questionId })).themes;
    const top = imported.find((t) => t.name === 'Transport & trains')!;
    expect(top).toMatchObject({
      status: 'accepted',
      description: 'Rail <and> bus',
      rules: [expect.objectContaining({ terms: ['train', 'bus'] })],
    });
    expect(imported.find((t) => t.name === 'Late trains')!.parentId).toBe(top.id);

    const third = await project('third.consult');
    expect(
      await third.api.call('themes.importCodebook', { questionId: third.questionId, content: qdc.content }),
    ).toEqual({ created: 2, updated: 0 });
    await expect(
      third.api.call('themes.importCodebook', { questionId: third.questionId, content: '{"format":"x"}' }),
    ).rejects.toMatchObject({ code: 'BAD_FILE' });
  });

  it('imports themes coded in another tool as analyst decisions', async () => {
    const { backend, api, questionId } = await project();
    const db = backend.ctx.project().db;
    const ids = db
      .prepare('SELECT id FROM response WHERE question_id = ? ORDER BY id LIMIT 3')
      .pluck()
      .all(questionId) as number[];
    const result = assignImportedThemes(
      db,
      questionId,
      [
        { responseId: ids[0], names: ['Transport', 'Housing'] },
        { responseId: ids[1], names: ['transport '] },
        { responseId: ids[2], names: [] },
      ],
      'importer',
    );
    expect(result).toEqual({ themesCreated: 2, assignments: 3 });
    const themes = (await api.call('themes.list', { questionId })).themes;
    expect(themes.map((t) => [t.name, t.status, t.accepted])).toEqual([
      ['Transport', 'accepted', 2],
      ['Housing', 'accepted', 1],
    ]);
    const a = (await api.call('themes.ofResponse', { responseId: ids[0] })).assignments;
    expect(a.every((x) => x.source === 'import' && x.state === 'accepted')).toBe(true);
    // A response from another question is refused, and nothing is half-written.
    const q2 = db
      .prepare("SELECT r.id FROM response r JOIN question q ON q.id = r.question_id WHERE q.code = 'Q2' LIMIT 1")
      .pluck()
      .get() as number;
    expect(() =>
      assignImportedThemes(
        db,
        questionId,
        [
          { responseId: ids[2], names: ['New'] },
          { responseId: q2, names: ['New'] },
        ],
        'importer',
      ),
    ).toThrow(/does not answer/);
    expect((await api.call('themes.list', { questionId })).themes).toHaveLength(2);
  });
});
