import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/db/migrations';

/** The date order the list used before migration 6, by joining each response to its respondent. */
const joinedOrder = (dir = 'ASC') => `SELECT r.id FROM response r JOIN respondent p ON p.id = r.respondent_id
  ORDER BY p.submitted_at ${dir}, p.id ${dir}, r.question_id ${dir}`;
const keptOrder = (dir = 'ASC') =>
  `SELECT response_id FROM response_date ORDER BY submitted_at ${dir}, respondent_id ${dir}, question_id ${dir}`;
/** Each response's date, respondent and question, as kept and as joined. */
const kept = (db: Database.Database) =>
  db.prepare('SELECT response_id AS id, submitted_at, respondent_id, question_id FROM response_date ORDER BY 1').all();
const joined = (db: Database.Database) =>
  db
    .prepare(
      `SELECT r.id, p.submitted_at, r.respondent_id, r.question_id
         FROM response r JOIN respondent p ON p.id = r.respondent_id ORDER BY 1`,
    )
    .all();

describe('migration 6 (date order)', () => {
  it('fills the date order of existing responses and keeps it equal to the join through every kind of write', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 5);
    db.prepare(
      "INSERT INTO question (code, text, kind, position) VALUES ('Q1', 'Why?', 'open', 1), ('Q2', 'How?', 'open', 2)",
    ).run();
    const respondent = db.prepare('INSERT INTO respondent (external_id, submitted_at) VALUES (?, ?)');
    const response = db.prepare('INSERT INTO response (respondent_id, question_id, text) VALUES (?, ?, ?)');
    for (let i = 1; i <= 40; i++) {
      // Dates out of id order, some shared, some missing.
      respondent.run(`R${i}`, i % 9 === 0 ? null : `2026-03-${String(1 + ((i * 7) % 20)).padStart(2, '0')}T10:00:00Z`);
      response.run(i, 1, `answer ${i}`);
      if (i % 3) response.run(i, 2, `second ${i}`);
    }
    migrate(db, 6);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(kept(db)).toEqual(joined(db));
    expect(db.prepare(keptOrder()).pluck().all()).toEqual(db.prepare(joinedOrder()).pluck().all());

    // New answers, a later file changing a respondent's date, an answer moved, deletions (also by cascade).
    for (let i = 41; i <= 50; i++) {
      respondent.run(`R${i}`, `2026-02-${String(i - 30).padStart(2, '0')}T09:00:00Z`);
      response.run(i, 2, `late ${i}`);
    }
    db.prepare("UPDATE respondent SET submitted_at = '2026-01-01T00:00:00Z' WHERE id IN (3, 18)").run();
    db.prepare('UPDATE respondent SET submitted_at = NULL WHERE id = 5').run();
    db.prepare("UPDATE respondent SET city = 'Leeds' WHERE id = 6").run();
    db.prepare('UPDATE response SET question_id = 2 WHERE respondent_id = 3 AND question_id = 1').run();
    db.prepare('DELETE FROM response WHERE id % 11 = 0').run();
    db.prepare('DELETE FROM respondent WHERE id IN (7, 44)').run();
    expect(db.prepare('SELECT count(*) FROM response WHERE respondent_id IN (7, 44)').pluck().get()).toBe(0);
    expect(kept(db)).toEqual(joined(db));
    expect(db.prepare(keptOrder()).pluck().all()).toEqual(db.prepare(joinedOrder()).pluck().all());
    // Descending too, nulls last as in the join.
    expect(db.prepare(keptOrder('DESC')).pluck().all()).toEqual(db.prepare(joinedOrder('DESC')).pluck().all());
    db.close();
  });
});
