import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/db/migrations';

describe('migration 3 (triage)', () => {
  it('adds triage state to existing responses without touching their text or search', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare("INSERT INTO question (code, text, kind, position) VALUES ('Q1', 'Why?', 'open', 1)").run();
    db.prepare("INSERT INTO respondent (external_id) VALUES ('R1')").run();
    db.prepare("INSERT INTO response (respondent_id, question_id, text) VALUES (1, 1, 'Graduates leave for London')").run();
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
});
