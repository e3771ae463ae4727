import type { Migration } from './types';

/**
 * Import: where each import came from and what it noticed, the rows it could not read (quarantine), saved
 * column mappings, the column headings that stand for each question (so several files' columns map to one
 * question), theme names that arrived in a file (kept for the themes area to turn into assignments), and
 * rows of later files that added to a respondent already present.
 */
export const migration: Migration = {
  version: 2,
  name: 'import',
  up: (db) => {
    db.exec(`
      ALTER TABLE import ADD COLUMN source_path TEXT;
      ALTER TABLE import ADD COLUMN sheet TEXT;
      -- What the import noticed: how the encoding was chosen, rows merged into existing respondents, empty rows.
      ALTER TABLE import ADD COLUMN details TEXT CHECK (details IS NULL OR json_valid(details));

      -- Rows that could not be imported (unreadable, or a respondent already present), kept whole.
      CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES import(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        row_number INTEGER,
        kind TEXT NOT NULL CHECK (kind IN ('unreadable', 'duplicate')),
        reason TEXT NOT NULL,
        raw TEXT NOT NULL
      );
      CREATE INDEX quarantine_import ON quarantine(import_id, row_number);

      CREATE TABLE import_mapping (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        -- The file's column headings, normalised and joined: a new file with the same layout finds it.
        layout TEXT NOT NULL,
        mapping TEXT NOT NULL CHECK (json_valid(mapping)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX import_mapping_layout ON import_mapping(layout);

      -- Column headings (normalised) that were mapped to a question, so the next file proposes the same one.
      CREATE TABLE question_alias (
        alias TEXT PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE
      ) WITHOUT ROWID;

      -- Theme names that came with a response file (a ';'-separated column), as given.
      CREATE TABLE imported_theme (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES import(id) ON DELETE CASCADE,
        respondent_id INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
        question_id INTEGER REFERENCES question(id) ON DELETE CASCADE,
        theme TEXT NOT NULL
      );
      CREATE INDEX imported_theme_respondent ON imported_theme(respondent_id);

      -- A later file's row that added answers or details to a respondent already present: kept whole too.
      CREATE TABLE merged_row (
        id INTEGER PRIMARY KEY,
        respondent_id INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
        import_id INTEGER NOT NULL REFERENCES import(id) ON DELETE CASCADE,
        row_number INTEGER,
        source_row TEXT NOT NULL
      );
      CREATE INDEX merged_row_respondent ON merged_row(respondent_id);
    `);
  },
};
