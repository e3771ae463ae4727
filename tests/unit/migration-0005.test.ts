import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/db/migrations';

describe('migration 5 (campaigns, personal data, stance and sentiment)', () => {
  it('applies to a database at version 1 with responses in it, keeping them, and adds the counting view', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    db.prepare(
      "INSERT INTO question (code, text, kind, position) VALUES ('Q1', 'Should X be banned?', 'open', 1)",
    ).run();
    for (let i = 1; i <= 4; i++) {
      db.prepare('INSERT INTO respondent (external_id) VALUES (?)').run(`R${i}`);
      db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (?, 1, ?)').run(i, `answer ${i}`);
    }
    migrate(db, 5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT count(*) FROM response').pluck().get()).toBe(4);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'signal_run',
        'campaign_group',
        'campaign_member',
        'campaign_exclusion',
        'counted_response',
        'pii_finding',
        'pii_false_positive',
        'response_signal',
        'question_stance',
      ]),
    );

    // Responses 1-3 are a campaign counted once (template 1): the view counts 1 and 4.
    db.prepare(
      'INSERT INTO campaign_group (question_id, template_response_id, size, distinct_texts) VALUES (1, 1, 3, 1)',
    ).run();
    for (const r of [1, 2, 3])
      db.prepare('INSERT INTO campaign_member (response_id, group_id, similarity) VALUES (?, 1, 1)').run(r);
    expect(db.prepare('SELECT response_id FROM counted_response ORDER BY 1').pluck().all()).toEqual([1, 4]);
    db.prepare("UPDATE campaign_group SET counting = 'all'").run();
    expect(db.prepare('SELECT count(*) FROM counted_response').pluck().get()).toBe(4);
    db.prepare("UPDATE campaign_group SET counting = 'one', status = 'dismissed'").run();
    expect(db.prepare('SELECT count(*) FROM counted_response').pluck().get()).toBe(4);

    // A response belongs to one group at most; bad values are refused.
    expect(() =>
      db.prepare('INSERT INTO campaign_member (response_id, group_id, similarity) VALUES (1, 1, 1)').run(),
    ).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("UPDATE campaign_group SET status = 'maybe'").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO pii_finding (response_id, kind, start, end) VALUES (1, 'email', 5, 5)").run(),
    ).toThrow(/CHECK/);
    // Deleting a response takes its findings and memberships with it.
    db.prepare("INSERT INTO pii_finding (response_id, kind, start, end) VALUES (2, 'email', 0, 3)").run();
    db.prepare('DELETE FROM response WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) FROM pii_finding').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM campaign_member').pluck().get()).toBe(2);
    db.close();
  });
});
