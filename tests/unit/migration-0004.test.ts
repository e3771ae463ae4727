import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/db/migrations';

describe('migration 4: themes', () => {
  it('adds themes, rules, assignments and runs to a project that already has responses, keeping them', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    db.prepare("INSERT INTO question (code, text, kind, position) VALUES ('Q1', 'Why?', 'open', 1)").run();
    db.prepare("INSERT INTO respondent (external_id) VALUES ('R1'), ('R2')").run();
    db.prepare(
      "INSERT INTO response (respondent_id, question_id, text) VALUES (1, 1, 'Graduates leave'), (2, 1, 'Trains are late')",
    ).run();
    migrate(db, 4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT count(*) FROM response').pluck().get()).toBe(2);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['theme', 'keyword_rule', 'assignment', 'analysis_run']));

    const theme = (name: string, parent: number | null = null, other = 0) =>
      db
        .prepare(
          "INSERT INTO theme (question_id, parent_id, name, status, is_other, created_by, created_at) VALUES (1, ?, ?, 'accepted', ?, 'a', 't')",
        )
        .run(parent, name, other).lastInsertRowid;
    const top = theme('Skills');
    const sub = theme('Graduates', Number(top));
    expect(() => theme('Deeper', Number(sub))).toThrow(/top-level theme/);
    expect(() => db.prepare('UPDATE theme SET parent_id = ? WHERE id = ?').run(sub, top)).toThrow(/top-level theme/);
    expect(() => theme('Skills')).toThrow(/UNIQUE/);
    theme('Other / unclear', null, 1);
    expect(() => theme('Other again', null, 1)).toThrow(/UNIQUE/);

    // People decide, models propose; a human decision is never turned back into a proposal.
    const insert = db.prepare(
      "INSERT INTO assignment (response_id, theme_id, source, source_detail, confidence, state, at) VALUES (?, ?, ?, 'x', ?, ?, 't')",
    );
    expect(() => insert.run(1, top, 'analyst', 1, 'proposed')).toThrow(/CHECK/);
    const human = insert.run(1, top, 'analyst', 1, 'accepted').lastInsertRowid;
    const proposal = insert.run(2, top, 'model', 0.7, 'proposed').lastInsertRowid;
    expect(() =>
      db
        .prepare("UPDATE assignment SET source = 'model', state = 'proposed', confidence = 0.2 WHERE id = ?")
        .run(human),
    ).toThrow(/cannot be overwritten/);
    db.prepare("UPDATE assignment SET state = 'rejected', decided_by = 'a' WHERE id = ?").run(proposal);
    expect(() =>
      db.prepare("UPDATE assignment SET state = 'proposed', confidence = 0.9 WHERE id = ?").run(proposal),
    ).toThrow(/cannot be overwritten/);
    expect(() => insert.run(1, top, 'model', 0.5, 'proposed')).toThrow(/UNIQUE/);
    db.close();
  });
});
