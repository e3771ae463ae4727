import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/db/migrations';

describe('migration 2 (import)', () => {
  it('applies to a version-1 database with data in it, keeping every row, and adds the import tables', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    db.exec(`
      INSERT INTO question (code, text, kind, position) VALUES ('Q1', 'Why?', 'open', 1);
      INSERT INTO import (file_name, sha256, format, imported_by, started_at) VALUES ('old.csv', 'abc', 'csv', 'me', '2025-01-01');
      INSERT INTO respondent (external_id, import_id, source_row) VALUES ('R1', 1, '{"a":"b"}');
      INSERT INTO response (respondent_id, question_id, text) VALUES (1, 1, 'Graduates leave');
    `);
    expect(migrate(db, 2)).toBe(2);
    expect(db.prepare('SELECT file_name, source_path, sheet, details FROM import').get()).toEqual({
      file_name: 'old.csv',
      source_path: null,
      sheet: null,
      details: null,
    });
    expect(db.prepare('SELECT count(*) FROM response').pluck().get()).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['quarantine', 'import_mapping', 'question_alias', 'imported_theme', 'merged_row']),
    );

    db.prepare(
      "INSERT INTO quarantine (import_id, file_name, row_number, kind, reason, raw) VALUES (1, 'old.csv', 3, 'unreadable', 'bad', 'x,y')",
    ).run();
    expect(() =>
      db
        .prepare("INSERT INTO quarantine (import_id, file_name, kind, reason, raw) VALUES (1, 'f', 'lost', 'r', '')")
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO import_mapping (name, layout, mapping, created_by, created_at) VALUES ('m', 'a', 'not json', 'me', 't')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO question_alias (alias, question_id) VALUES ('why', 1)").run();
    db.prepare(
      "INSERT INTO imported_theme (import_id, respondent_id, question_id, theme) VALUES (1, 1, 1, 'Skills')",
    ).run();
    // Deleting a question takes its aliases and imported themes with it.
    db.prepare('DELETE FROM question WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM question_alias').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM imported_theme').pluck().get()).toBe(0);
    db.close();
  });
});
