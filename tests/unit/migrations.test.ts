import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createProjectDb, openProjectDb } from '../../src/main/db/connection';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../src/main/db/migrations';
import { tempDir } from '../helpers/temp';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('migrations', () => {
  it('are numbered 1..N with one file each, matching their version', () => {
    const files = readdirSync(join(import.meta.dirname, '../../src/main/db/migrations')).filter((f) =>
      /^\d{4}-.+\.ts$/.test(f),
    );
    expect(files.length).toBe(MIGRATIONS.length);
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(files[i].startsWith(String(m.version).padStart(4, '0'))).toBe(true);
    });
  });

  it('create a project with WAL, foreign keys, our application id and the latest version', () => {
    const path = join(tempDir(), 'p.consult');
    const db = createProjectDb(path, 'Test');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(() =>
      db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (99, 99, ?)').run('x'),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('migration 1 creates the core tables, search, and an append-only audit log', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'consultation',
        'question',
        'respondent',
        'response',
        'import',
        'audit_log',
        'response_fts',
      ]),
    );
    db.prepare("INSERT INTO audit_log (at, actor, action, entity) VALUES ('t', 'a', 'x', 'y')").run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.prepare("INSERT INTO question (code, text, kind, position) VALUES ('Q1', 'Why?', 'open', 1)").run();
    db.prepare("INSERT INTO respondent (external_id) VALUES ('R1')").run();
    db.prepare(
      "INSERT INTO response (respondent_id, question_id, text) VALUES (1, 1, 'Graduates leave for London')",
    ).run();
    expect(db.prepare("SELECT rowid FROM response_fts WHERE response_fts MATCH 'graduate'").pluck().all()).toEqual([1]);
    db.close();
  });

  it('a failing migration leaves the file at its old version', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE question (id INTEGER)'); // makes migration 1 fail half-way
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'consultation'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a project from a newer version without changing a byte', () => {
    const path = join(tempDir(), 'future.consult');
    const db = createProjectDb(path, 'Future');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha(path);
    expect(() => openProjectDb(path)).toThrow(/newer version/);
    expect(sha(path)).toBe(before);
  });

  it('refuses files that are not projects, without changing them', () => {
    const dir = tempDir();
    const text = join(dir, 'notes.consult');
    writeFileSync(text, 'just some notes');
    expect(() => openProjectDb(text)).toThrow(/not a SQLite database/);
    expect(readFileSync(text, 'utf8')).toBe('just some notes');

    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = sha(other);
    expect(() => openProjectDb(other)).toThrow(/not a Consultation Analyser project/);
    expect(sha(other)).toBe(before);
  });
});
