import type { Migration } from './types';

/**
 * Triage: the analyst's decisions on each response, saved views, and what undo needs.
 * Decisions live on the response row itself (ADD COLUMN with a constant default is instant on any size of
 * table), so filtering on them needs no join; flags get their own table so each one is an index lookup.
 */
export const migration: Migration = {
  version: 3,
  name: 'triage',
  up: (db) => {
    db.exec(`
      ALTER TABLE response ADD COLUMN status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'read', 'in_review', 'done', 'excluded'));
      ALTER TABLE response ADD COLUMN exclusion_reason TEXT
        CHECK (exclusion_reason IS NULL OR exclusion_reason IN ('spam', 'duplicate', 'out_of_scope', 'offensive', 'other'));
      ALTER TABLE response ADD COLUMN priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3);
      ALTER TABLE response ADD COLUMN note TEXT;
      ALTER TABLE response ADD COLUMN assignee TEXT;

      -- Status filters, alone or with a question, read from indexes that also keep response order (rowid).
      CREATE INDEX response_status ON response(status);
      CREATE INDEX response_question_status ON response(question_id, status, respondent_id);
      CREATE INDEX response_priority ON response(priority);
      CREATE INDEX response_assignee ON response(assignee) WHERE assignee IS NOT NULL;
      -- Place and type together (the commonest pair of respondent filters), answered from the index alone.
      CREATE INDEX respondent_city_type ON respondent(city, type);
      -- Closed questions' answers (short texts) by question: "who answered Agree to Q5" without reading rows.
      CREATE INDEX response_short_answer ON response(question_id, text, respondent_id) WHERE length(text) <= 120;

      CREATE TABLE response_flag (
        response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
        flag TEXT NOT NULL CHECK (flag IN ('follow_up', 'notable_quote', 'organisation', 'safeguarding')),
        PRIMARY KEY (response_id, flag)
      ) WITHOUT ROWID;
      CREATE INDEX response_flag_flag ON response_flag(flag, response_id);

      -- How many responses each question has in each status, kept by triggers: progress and the most
      -- common counts (everything, a question, a status) are read here instead of counting a million rows.
      CREATE TABLE response_status_count (
        question_id INTEGER NOT NULL,
        status TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (question_id, status)
      ) WITHOUT ROWID;
      INSERT INTO response_status_count (question_id, status, n)
        SELECT question_id, status, count(*) FROM response GROUP BY question_id, status;
      CREATE TRIGGER response_status_count_insert AFTER INSERT ON response BEGIN
        INSERT INTO response_status_count (question_id, status, n) VALUES (new.question_id, new.status, 1)
          ON CONFLICT (question_id, status) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER response_status_count_delete AFTER DELETE ON response BEGIN
        UPDATE response_status_count SET n = n - 1 WHERE question_id = old.question_id AND status = old.status;
      END;
      CREATE TRIGGER response_status_count_update AFTER UPDATE OF status, question_id ON response
        WHEN old.status IS NOT new.status OR old.question_id IS NOT new.question_id BEGIN
        UPDATE response_status_count SET n = n - 1 WHERE question_id = old.question_id AND status = old.status;
        INSERT INTO response_status_count (question_id, status, n) VALUES (new.question_id, new.status, 1)
          ON CONFLICT (question_id, status) DO UPDATE SET n = n + 1;
      END;

      CREATE TABLE saved_view (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        filter TEXT NOT NULL CHECK (json_valid(filter)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      -- Undo: each action of a session and the exact state of every response it changed, before and after.
      -- This is working memory for undo (pruned as actions fall off the stack); audit_log is the record.
      CREATE TABLE triage_action (
        id INTEGER PRIMARY KEY,
        session TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        description TEXT NOT NULL,
        changed INTEGER NOT NULL DEFAULT 0,
        reverts INTEGER, -- the action this one undid (kept as a plain number: old actions are pruned)
        undone INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX triage_action_session ON triage_action(session, undone, id);
      CREATE TABLE triage_change (
        action_id INTEGER NOT NULL REFERENCES triage_action(id) ON DELETE CASCADE,
        response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        PRIMARY KEY (action_id, response_id)
      ) WITHOUT ROWID;
    `);
  },
};
