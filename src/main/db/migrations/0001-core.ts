import type { Migration } from './types';

/** The core entities: consultation, questions, respondents, responses, imports, the audit log and search. */
export const migration: Migration = {
  version: 1,
  name: 'core',
  up: (db) => {
    db.exec(`
      CREATE TABLE consultation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );

      CREATE TABLE question (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('open', 'closed', 'attribute')),
        options TEXT CHECK (options IS NULL OR json_valid(options)),
        position INTEGER NOT NULL
      );

      CREATE TABLE import (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT,
        rows_total INTEGER NOT NULL DEFAULT 0,
        rows_imported INTEGER NOT NULL DEFAULT 0,
        rows_quarantined INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        mapping TEXT CHECK (mapping IS NULL OR json_valid(mapping)),
        imported_by TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE INDEX import_sha256 ON import(sha256);

      CREATE TABLE respondent (
        id INTEGER PRIMARY KEY,
        external_id TEXT NOT NULL UNIQUE,
        type TEXT,
        organisation TEXT,
        city TEXT,
        submitted_at TEXT,
        channel TEXT,
        attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
        import_id INTEGER REFERENCES import(id),
        source_row TEXT
      );
      CREATE INDEX respondent_type ON respondent(type);
      CREATE INDEX respondent_city ON respondent(city);
      CREATE INDEX respondent_submitted ON respondent(submitted_at);

      CREATE TABLE response (
        id INTEGER PRIMARY KEY,
        respondent_id INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
        question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        UNIQUE (respondent_id, question_id)
      );
      CREATE INDEX response_question ON response(question_id);

      -- Append-only: who changed what, with the state before and after (JSON).
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        before TEXT,
        after TEXT
      );
      CREATE INDEX audit_entity ON audit_log(entity, entity_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      -- Full-text search over answers, kept in step with response by triggers.
      CREATE VIRTUAL TABLE response_fts USING fts5(
        text, content='response', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER response_fts_insert AFTER INSERT ON response BEGIN
        INSERT INTO response_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER response_fts_delete AFTER DELETE ON response BEGIN
        INSERT INTO response_fts(response_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER response_fts_update AFTER UPDATE OF text ON response BEGIN
        INSERT INTO response_fts(response_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO response_fts(rowid, text) VALUES (new.id, new.text);
      END;
    `);
  },
};
