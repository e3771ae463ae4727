import type { Migration } from './types';

/**
 * Responses in date order, as an index: sorting every response by when its respondent submitted joined each
 * respondent to its answers on the way, so a deep page (offset 600,000 at 1M) walked 150,000 respondents
 * and looked up each one's answers (~120 ms). Kept here, the date, respondent and question of each response
 * are one index that SQLite steps over without reading a row. Triggers keep it in step with every write
 * (a new or deleted answer, a respondent's date changed by a later file).
 */
export const migration: Migration = {
  version: 6,
  name: 'date-order',
  up: (db) => {
    db.exec(`
      CREATE TABLE response_date (
        response_id INTEGER PRIMARY KEY,
        submitted_at TEXT,
        respondent_id INTEGER NOT NULL,
        question_id INTEGER NOT NULL
      );
      INSERT INTO response_date (response_id, submitted_at, respondent_id, question_id)
        SELECT r.id, p.submitted_at, r.respondent_id, r.question_id
          FROM response r JOIN respondent p ON p.id = r.respondent_id ORDER BY r.id;
      -- The order the list sorts by date in: date, then respondent, then question (unique together).
      CREATE INDEX response_date_order ON response_date (submitted_at, respondent_id, question_id);

      CREATE TRIGGER response_date_insert AFTER INSERT ON response BEGIN
        INSERT INTO response_date (response_id, submitted_at, respondent_id, question_id)
          VALUES (new.id, (SELECT submitted_at FROM respondent WHERE id = new.respondent_id), new.respondent_id, new.question_id);
      END;
      CREATE TRIGGER response_date_delete AFTER DELETE ON response BEGIN
        DELETE FROM response_date WHERE response_id = old.id;
      END;
      CREATE TRIGGER response_date_update AFTER UPDATE OF respondent_id, question_id ON response BEGIN
        UPDATE response_date
           SET submitted_at = (SELECT submitted_at FROM respondent WHERE id = new.respondent_id),
               respondent_id = new.respondent_id, question_id = new.question_id
         WHERE response_id = new.id;
      END;
      CREATE TRIGGER respondent_date_update AFTER UPDATE OF submitted_at ON respondent
        WHEN old.submitted_at IS NOT new.submitted_at BEGIN
        UPDATE response_date SET submitted_at = new.submitted_at
         WHERE response_id IN (SELECT id FROM response WHERE respondent_id = new.id);
      END;
    `);
  },
};
