import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/db/migrations';

describe('migration 3 (triage)', () => {
  it('adds triage state to existing responses without touching their text or search', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare("INSERT INTO question (code, text, kind, position) VALUES ('Q1', 'Why?', 'open', 1)").run();
    db.prepare("INSERT INTO respondent (external_id) VALUES ('R1')").run();
    db.prepare(
      "INSERT INTO response (respondent_id, question_id, text) VALUES (1, 1, 'Graduates leave for London')",
    ).run();
    migrate(db, 3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT text, status, exclusion_reason, priority, note, assignee FROM response').get()).toEqual({
      text: 'Graduates leave for London',
      status: 'new',
      exclusion_reason: null,
      priority: 0,
      note: null,
      assignee: null,
    });
    expect(db.prepare("SELECT rowid FROM response_fts WHERE response_fts MATCH 'graduate'").pluck().all()).toEqual([1]);
    // Changing triage state leaves the search index alone (its trigger fires on text only).
    db.prepare("UPDATE response SET status = 'done' WHERE id = 1").run();
    expect(db.prepare("SELECT rowid FROM response_fts WHERE response_fts MATCH 'graduate'").pluck().all()).toEqual([1]);
    // The vocabulary is enforced by the database too.
    expect(() => db.prepare("UPDATE response SET status = 'maybe'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE response SET exclusion_reason = 'boring'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE response SET priority = 7').run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO response_flag VALUES (1, 'interesting')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO response_flag VALUES (1, 'follow_up')").run();
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM response WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM response_flag').pluck().get()).toBe(0);
    db.close();
  });

  it('keeps the per-question status counts equal to a full count, through inserts, updates and deletes', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare(
      "INSERT INTO question (code, text, kind, position) VALUES ('Q1', 'Why?', 'open', 1), ('Q2', 'How?', 'open', 2)",
    ).run();
    for (let i = 1; i <= 30; i++) {
      db.prepare('INSERT INTO respondent (external_id) VALUES (?)').run(`R${i}`);
      db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (?, 1, ?)').run(i, `answer ${i}`);
    }
    migrate(db, 3);
    const kept = () =>
      db.prepare('SELECT question_id, status, n FROM response_status_count WHERE n > 0 ORDER BY 1, 2').all();
    const counted = () =>
      db.prepare('SELECT question_id, status, count(*) AS n FROM response GROUP BY 1, 2 ORDER BY 1, 2').all();
    expect(kept()).toEqual([{ question_id: 1, status: 'new', n: 30 }]);
    for (let i = 1; i <= 20; i++)
      db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (?, 2, ?)').run(i, `second ${i}`);
    db.prepare("UPDATE response SET status = 'done' WHERE id % 3 = 0").run();
    db.prepare("UPDATE response SET status = 'read' WHERE id % 5 = 0").run();
    db.prepare("UPDATE response SET note = 'no status change' WHERE id % 2 = 0").run();
    db.prepare('UPDATE response SET question_id = 2 WHERE id = 25').run();
    db.prepare('DELETE FROM response WHERE id % 7 = 0').run();
    expect(kept()).toEqual(counted());
    db.close();
  });
});
