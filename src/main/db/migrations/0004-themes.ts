import type { Migration } from './types';

/**
 * Themes and their provenance: analysis runs (parameters, timings, quality), the codebook (themes nested
 * one level, keyword rules), and assignments recording who or what made each one. Human decisions are
 * protected in SQL: a model or rule can never overwrite an analyst's or imported assignment, nor a proposal
 * a person has accepted or rejected.
 */
export const migration: Migration = {
  version: 4,
  name: 'themes',
  up: (db) => {
    db.exec(`
      CREATE TABLE analysis_run (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('discover', 'classify')),
        question_id INTEGER REFERENCES question(id) ON DELETE CASCADE,
        parameters TEXT NOT NULL CHECK (json_valid(parameters)),
        seed INTEGER NOT NULL,
        timings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(timings)),
        quality TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(quality)),
        started_by TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE INDEX analysis_run_question ON analysis_run(question_id, kind);

      CREATE TABLE theme (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES theme(id) ON DELETE SET NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        description TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('candidate', 'accepted')),
        is_other INTEGER NOT NULL DEFAULT 0 CHECK (is_other IN (0, 1)),
        keywords TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords)),
        quotes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(quotes)),
        run_id INTEGER REFERENCES analysis_run(id) ON DELETE SET NULL,
        position INTEGER NOT NULL DEFAULT 0,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (question_id, name)
      );
      CREATE INDEX theme_question ON theme(question_id, position);
      CREATE INDEX theme_parent ON theme(parent_id);
      CREATE UNIQUE INDEX theme_one_other ON theme(question_id) WHERE is_other = 1;

      -- One level of nesting: a sub-theme hangs under a top-level theme of the same question, and a theme
      -- with sub-themes cannot itself become one.
      CREATE TRIGGER theme_nesting_insert BEFORE INSERT ON theme WHEN new.parent_id IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'a sub-theme must sit under a top-level theme of the same question')
         WHERE NOT EXISTS (SELECT 1 FROM theme p WHERE p.id = new.parent_id AND p.parent_id IS NULL AND p.question_id = new.question_id);
      END;
      CREATE TRIGGER theme_nesting_update BEFORE UPDATE OF parent_id ON theme WHEN new.parent_id IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'a sub-theme must sit under a top-level theme of the same question')
         WHERE new.parent_id = new.id
            OR NOT EXISTS (SELECT 1 FROM theme p WHERE p.id = new.parent_id AND p.parent_id IS NULL AND p.question_id = new.question_id)
            OR EXISTS (SELECT 1 FROM theme c WHERE c.parent_id = new.id);
      END;

      CREATE TABLE keyword_rule (
        id INTEGER PRIMARY KEY,
        theme_id INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
        terms TEXT NOT NULL CHECK (json_valid(terms) AND json_array_length(terms) > 0),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX keyword_rule_theme ON keyword_rule(theme_id);

      CREATE TABLE assignment (
        id INTEGER PRIMARY KEY,
        response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
        theme_id INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('analyst', 'model', 'rule', 'import')),
        source_detail TEXT NOT NULL,
        run_id INTEGER REFERENCES analysis_run(id) ON DELETE SET NULL,
        rule_id INTEGER REFERENCES keyword_rule(id) ON DELETE SET NULL,
        confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
        state TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'rejected')),
        evidence TEXT CHECK (evidence IS NULL OR json_valid(evidence)),
        decided_by TEXT,
        decided_at TEXT,
        at TEXT NOT NULL,
        UNIQUE (response_id, theme_id),
        -- People decide; only models and rules propose.
        CHECK (source IN ('model', 'rule') OR state <> 'proposed')
      );
      CREATE INDEX assignment_theme_state ON assignment(theme_id, state, confidence);
      CREATE INDEX assignment_run ON assignment(run_id);

      -- A model or rule never overwrites a human decision: every model or rule write is a proposal, and no
      -- update may turn an analyst's or imported assignment, or a proposal someone accepted or rejected,
      -- back into a proposal.
      CREATE TRIGGER assignment_human_wins BEFORE UPDATE ON assignment
      WHEN new.state = 'proposed' AND (old.source IN ('analyst', 'import') OR old.state <> 'proposed') BEGIN
        SELECT RAISE(ABORT, 'a person''s theme decision cannot be overwritten by a model or rule');
      END;
    `);
  },
};
