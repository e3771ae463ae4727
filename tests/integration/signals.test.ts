import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { redactorFor } from '../../src/main/db/queries/personal-data';
import { countedResponsesSql } from '../../src/main/db/queries/campaigns';
import { SIGNAL_COLUMNS, signalFilterSql, signalsForExport } from '../../src/main/db/queries/signals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/main/util/paths';
import { testBackend } from '../helpers/temp';
import { CAMPAIGN_TEMPLATE, finished, writeSignalsProject } from '../helpers/signals-fixture';

async function openFixture() {
  const { dir, api } = testBackend();
  const { path, fixture } = writeSignalsProject(dir);
  await api.call('project.open', { path });
  return { api, path, fixture };
}

describe('campaigns through the contract, in a worker, on a real project file', () => {
  it("detects the campaign, keeps analysts' decisions across runs, splits, and counts both ways", async () => {
    const { api, path, fixture } = await openFixture();
    const job = await finished(api, await api.call('campaigns.detect', {}));
    expect(job.state).toBe('done');

    const overview = await api.call('campaigns.list', {});
    expect(overview.groups).toHaveLength(2);
    const [group, duplicates] = overview.groups;
    expect(group).toMatchObject({
      questionCode: 'Q1',
      size: 40,
      kind: 'campaign',
      status: 'proposed',
      counting: 'one',
    });
    // Six identical answers are a set of duplicates: shown, but counted as six until an analyst decides.
    expect(duplicates).toMatchObject({
      questionCode: 'Q2',
      size: 6,
      kind: 'duplicates',
      distinctTexts: 1,
      counting: 'all',
    });
    expect(overview.lastRun?.params).toMatchObject({ bins: 64, seed: expect.any(Number) });
    const q1 = (await api.call('questions.list')).find((q) => q.code === 'Q1')!;
    const all = await api.call('campaigns.list', { questionId: q1.id });
    expect(all.totals).toEqual({ responses: 48, campaignResponses: 40, countedOnce: 48 - 40 + 1 });

    // Members come with their own words marked against the template.
    const detail = await api.call('campaigns.get', { id: group.id, offset: 0, limit: 100, editedOnly: true });
    expect(detail.template.text).toBe(CAMPAIGN_TEMPLATE);
    expect(detail.total).toBeGreaterThan(10);
    const withOwnWords = detail.members.find((m) =>
      m.segments.some((s) => s.kind === 'added' && s.text.includes('brother')),
    );
    expect(withOwnWords?.addedShare).toBeGreaterThan(0);
    for (const m of detail.members)
      expect(
        m.segments
          .filter((s) => s.kind !== 'removed')
          .map((s) => s.text)
          .join('').length,
      ).toBeGreaterThan(100);

    // Split the rugby and cricket variants off into their own group; the rest is confirmed.
    const variants = (await api.call('campaigns.get', { id: group.id, offset: 0, limit: 100 })).members
      .filter((m) => m.segments.some((s) => s.kind === 'added' && /Rugby|Cricket/.test(s.text)))
      .map((m) => m.responseId);
    expect(variants.length).toBeGreaterThanOrEqual(5);
    expect(
      (
        await finished(
          api,
          await api.call('campaigns.split', { id: group.id, responseIds: variants, asNewGroup: true }),
        )
      ).state,
    ).toBe('done');
    const afterSplit = await api.call('campaigns.list', { kind: 'campaign' });
    expect(afterSplit.groups.map((g) => g.size).sort((a, b) => a - b)).toEqual([variants.length, 40 - variants.length]);
    expect(afterSplit.groups.every((g) => g.status === 'confirmed')).toBe(true);

    // One group counts as all its members: it no longer shrinks the "each campaign once" count.
    const small = afterSplit.groups.find((g) => g.size === variants.length)!;
    await api.call('campaigns.setCounting', { id: small.id, counting: 'all' });
    expect((await api.call('campaigns.list', { questionId: q1.id })).totals.countedOnce).toBe(
      48 - (40 - variants.length) + 1,
    );

    // A new detection keeps confirmed groups as they are.
    await finished(api, await api.call('campaigns.detect', {}));
    const again = await api.call('campaigns.list', { kind: 'campaign' });
    expect(again.groups.map((g) => [g.id, g.size, g.status])).toEqual(
      afterSplit.groups.map((g) => [g.id, g.size, g.status]),
    );

    // Dismissing a group puts its members back among individual responses, in every count.
    await api.call('campaigns.setStatus', { id: small.id, status: 'dismissed' });
    const stats = await api.call('project.stats');
    expect(stats).toMatchObject({
      campaignGroups: 1,
      campaignResponses: 40 - variants.length,
      duplicateSets: 1,
      duplicateResponses: 6,
    });
    expect(stats.campaigns).toEqual([
      {
        id: afterSplit.groups.find((g) => g.id !== small.id)!.id,
        question: 'Q1',
        size: 40 - variants.length,
        status: 'confirmed',
        counting: 'one',
      },
    ]);

    // Every decision is in the audit log; the SQL helper counts what the view counts.
    const db = new Database(path, { readonly: true });
    try {
      const actions = db
        .prepare("SELECT action FROM audit_log WHERE entity = 'campaign_group' ORDER BY id")
        .pluck()
        .all();
      expect(actions).toEqual(['campaign.split', 'campaign.counting', 'campaign.status']);
      const counted = db
        .prepare(`SELECT count(*) FROM (${countedResponsesSql('campaigns-once')})`)
        .pluck()
        .get();
      expect(counted).toBe(stats.responsesCountedOnce);
      expect(
        db
          .prepare(`SELECT count(*) FROM (${countedResponsesSql('responses')})`)
          .pluck()
          .get(),
      ).toBe(stats.responses);
    } finally {
      db.close();
    }
    expect(fixture.campaignIds).toHaveLength(40);
  });

  it('refuses to split a group down to nothing, and names the group that does not exist', async () => {
    const { api } = await openFixture();
    await finished(api, await api.call('campaigns.detect', {}));
    const [group] = (await api.call('campaigns.list', {})).groups;
    const members = (await api.call('campaigns.get', { id: group.id, offset: 0, limit: 100 })).members.map(
      (m) => m.responseId,
    );
    const job = await finished(
      api,
      await api.call('campaigns.split', { id: group.id, responseIds: members.slice(1), asNewGroup: true }),
    );
    expect(job).toMatchObject({ state: 'failed', error: { code: 'INVALID_INPUT' } });
    expect((await api.call('campaigns.list', {})).groups[0].size).toBe(40);
    await expect(api.call('campaigns.setStatus', { id: 9999, status: 'confirmed' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('personal data, stance and sentiment checks', () => {
  it('flags personal data, lets the analyst mark a false positive (audited), and redacts on the way out', async () => {
    const { api, path } = await openFixture();
    expect((await finished(api, await api.call('signals.scan'))).state).toBe('done');
    const page = await api.call('pii.list', { offset: 0, limit: 50 });
    expect(page.total).toBe(2);
    expect(page.byKind.filter((k) => k.count).map((k) => [k.kind, k.count])).toEqual([
      ['email', 1],
      ['phone', 1],
      ['postcode', 1],
      ['name', 2],
    ]);
    const priya = page.rows.find((r) => r.findings.some((f) => f.text === 'Priya Kaur'))!;
    expect((await api.call('pii.redacted', { responseId: priya.responseId })).text).toBe(
      'Ban them. My name is [name] and you can reach me on [phone] or [email].',
    );

    const name = priya.findings.find((f) => f.kind === 'name')!;
    const marked = await api.call('pii.mark', { ...name, falsePositive: true });
    expect(marked.find((f) => f.kind === 'name')).toMatchObject({ falsePositive: true, markedBy: expect.any(String) });
    expect((await api.call('pii.redacted', { responseId: priya.responseId })).text).toContain('My name is Priya Kaur');
    // A new scan replaces findings but not the analyst's mark.
    await finished(api, await api.call('signals.scan'));
    expect(
      (await api.call('signals.response', { responseId: priya.responseId })).personalData.find((f) => f.kind === 'name')
        ?.falsePositive,
    ).toBe(true);
    expect((await api.call('project.stats')).responsesWithPersonalData).toBe(2);

    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare("SELECT action FROM audit_log WHERE action LIKE 'pii.%'").pluck().all()).toEqual([
        'pii.mark_false_positive',
      ]);
      // Stored text is never changed.
      expect(db.prepare('SELECT text FROM response WHERE id = ?').pluck().get(priya.responseId)).toContain(
        'priya.kaur@example.com',
      );
      const redactText = redactorFor(db);
      const text = db.prepare('SELECT text FROM response WHERE id = ?').pluck().get(priya.responseId) as string;
      expect(redactText(priya.responseId, text)).toBe(
        'Ban them. My name is Priya Kaur and you can reach me on [phone] or [email].',
      );
      expect(redactText(priya.responseId, text, { enabled: false })).toBe(text);
      const exported = signalsForExport(db).get(priya.responseId);
      expect(exported?.personalData.map((f) => f.kind)).toEqual(['phone', 'email']);
      expect(exported?.stance).toBe('agree');
    } finally {
      db.close();
    }
    await expect(api.call('pii.mark', { ...name, start: 0, end: 3, falsePositive: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(api.call('pii.mark', { ...name, start: 5, end: 2, falsePositive: true })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('gives stance where the question asks for one, sentiment everywhere, and checks stance against the closed question', async () => {
    const { api } = await openFixture();
    await finished(api, await api.call('signals.scan'));
    const { questions, closedScales } = await api.call('stance.questions');
    const q1 = questions.find((q) => q.code === 'Q1')!;
    const q2 = questions.find((q) => q.code === 'Q2')!;
    expect(q1).toMatchObject({ asksStance: true, automatic: true, responses: 48 });
    expect(q2.asksStance).toBe(false);
    expect(q2.stance).toEqual({ agree: 0, disagree: 0, mixed: 0, unclear: 0 });
    expect(q1.stance.agree).toBeGreaterThanOrEqual(40);
    expect(q1.stance.disagree).toBeGreaterThanOrEqual(2);
    expect(closedScales.map((c) => c.code)).toEqual(['Q3']);

    const agreement = await api.call('stance.agreement', {
      openQuestionId: q1.questionId,
      closedQuestionId: closedScales[0].questionId,
    });
    expect(agreement.respondents).toBe(48);
    expect(agreement.compared).toBeGreaterThan(40);
    expect(agreement.accuracy).toBeGreaterThan(0.9);

    // An analyst says Q2 asks for a stance after all (audited); the stored stance then shows.
    const changed = await api.call('stance.setQuestion', { questionId: q2.questionId, asksStance: true });
    expect(changed).toMatchObject({ asksStance: true, automatic: false });
    expect(changed.stance.agree + changed.stance.disagree + changed.stance.mixed + changed.stance.unclear).toBe(6);

    const byQuestion = await api.call('signals.aggregate', { by: 'question', view: 'responses' });
    expect(byQuestion.find((a) => a.key === q1.questionId)?.responses).toBe(48);
    await finished(api, await api.call('campaigns.detect', {}));
    const once = await api.call('signals.aggregate', { by: 'question', view: 'campaigns-once' });
    expect(once.find((a) => a.key === q1.questionId)?.responses).toBe(48 - 40 + 1);
    const byCampaign = (await api.call('signals.aggregate', { by: 'campaign', view: 'responses' })).filter(
      (a) => a.responses === 40,
    );
    expect(byCampaign).toHaveLength(1);
    expect(byCampaign[0].stance.agree).toBeGreaterThanOrEqual(38);
    expect(byCampaign[0].sentiment.mean).not.toBeNull();

    const first = (await api.call('responses.list', { offset: 0, limit: 1, sort: { key: 'respondent', dir: 'asc' } }))
      .rows[0];
    const signals = await api.call('signals.response', { responseId: first.id });
    expect(signals.campaign?.group.size).toBe(40);
    expect(signals.stance?.value).toBe('agree');
    expect(signals.sentiment).not.toBeNull();
  });

  it('gives the Responses table its columns and filters, and `consult stats --json` its counts', async () => {
    const { api, path } = await openFixture();
    await finished(api, await api.call('signals.scan'));
    await finished(api, await api.call('campaigns.detect', {}));
    const db = new Database(path, { readonly: true });
    try {
      const rows = db
        .prepare(
          `SELECT r.id, ${SIGNAL_COLUMNS} FROM response r JOIN question q ON q.id = r.question_id WHERE q.code = 'Q1' ORDER BY r.id`,
        )
        .all() as {
        stance: string | null;
        personalData: number;
        campaignKind: string | null;
      }[];
      expect(rows).toHaveLength(48);
      expect(rows.filter((r) => r.campaignKind === 'campaign')).toHaveLength(40);
      expect(rows.filter((r) => r.personalData > 0)).toHaveLength(2);
      expect(rows.every((r) => r.stance !== null)).toBe(true);
      const filter = signalFilterSql({ personalData: true, stance: ['agree'] });
      const matching = db
        .prepare(`SELECT count(*) FROM response r WHERE ${filter.sql.join(' AND ')}`)
        .pluck()
        .get(...filter.params);
      expect(matching).toBe(2);
      const individuals = signalFilterSql({ campaign: 'individual' });
      expect(
        db
          .prepare(`SELECT count(*) FROM response r WHERE r.question_id = 1 AND ${individuals.sql.join(' AND ')}`)
          .pluck()
          .get(),
      ).toBe(8);
    } finally {
      db.close();
    }
    await api.call('project.close');
    const cli = spawnSync(process.execPath, [join(packageRoot(), 'bin', 'consult.js'), 'stats', path, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, CONSULT_DATA_DIR: join(path, '..', 'cli-data') },
    });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({
      campaignGroups: 1,
      campaignResponses: 40,
      duplicateSets: 1,
      duplicateResponses: 6,
      responsesWithPersonalData: 2,
      personalDataByKind: { email: 1, phone: 1, postcode: 1, name: 2 },
      campaigns: [{ question: 'Q1', size: 40, status: 'proposed', counting: 'one' }],
    });
  });

  it('cancelling a scan leaves the project as it was', async () => {
    const { api } = await openFixture();
    const job = await api.call('signals.scan');
    await api.call('jobs.cancel', { id: job.id });
    // The worker sees the flag after its first page of responses, before it writes anything.
    expect(await finished(api, job)).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect((await api.call('pii.list', { offset: 0, limit: 10 })).total).toBe(0);
    expect(
      (await api.call('stance.questions')).questions.every((q) => q.responses > 0 && q.sentiment.mean === null),
    ).toBe(true);
  });
});
