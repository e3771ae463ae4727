/**
 * Which responses a report covers, decided once: temp.report_scope holds every response to the chosen
 * questions (less excluded ones unless asked), with counted = 0 for campaign members that "count each
 * campaign once" leaves out. Every count in the summary and every exported row reads this table, so all
 * formats agree. temp.report_respondent lists the respondents with at least one counted response.
 */
import type { ReportOptions } from '../../shared/api';
import type { Db } from '../db/connection';
import { collapsedMemberCondition } from './data/campaigns';
import { excludedCondition } from './data/triage';

export function buildScope(db: Db, questionIds: number[], options: ReportOptions): void {
  db.exec(`DROP TABLE IF EXISTS temp.report_scope;
    CREATE TEMP TABLE report_scope (
      response_id INTEGER PRIMARY KEY,
      respondent_id INTEGER NOT NULL,
      question_id INTEGER NOT NULL,
      counted INTEGER NOT NULL DEFAULT 1
    )`);
  const excluded = options.includeExcluded ? null : excludedCondition(db);
  db.prepare(
    `INSERT INTO temp.report_scope (response_id, respondent_id, question_id)
     SELECT r.id, r.respondent_id, r.question_id FROM response r
      WHERE r.question_id IN (SELECT value FROM json_each(?)) ${excluded ? `AND NOT (${excluded})` : ''}
      ORDER BY r.id`,
  ).run(JSON.stringify(questionIds));
  const collapsed = options.campaigns === 'once' ? collapsedMemberCondition(db, 's.response_id') : null;
  if (collapsed) db.exec(`UPDATE temp.report_scope AS s SET counted = 0 WHERE ${collapsed}`);
  db.exec(`CREATE INDEX temp.report_scope_question ON report_scope(question_id, counted);
           CREATE INDEX temp.report_scope_respondent ON report_scope(respondent_id);
           DROP TABLE IF EXISTS temp.report_respondent;
           CREATE TEMP TABLE report_respondent (id INTEGER PRIMARY KEY);
           INSERT INTO temp.report_respondent SELECT DISTINCT respondent_id FROM temp.report_scope WHERE counted = 1 ORDER BY 1`);
}

export function collapsedCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM temp.report_scope WHERE counted = 0').pluck().get() as number;
}
