/** The consultation, its questions, respondents and closed answers (migration 0001): always present. */
import type { Db } from '../../db/connection';
import { AppError } from '../../util/errors';
import { CrossCounts, type CrossRow } from './cross';
import { parseJson } from './schema';

export interface QuestionRow {
  id: number;
  code: string;
  text: string;
  kind: 'open' | 'closed';
  options: string[];
}

export function consultation(db: Db): { title: string; description: string } {
  return (
    (db.prepare('SELECT title, description FROM consultation WHERE id = 1').get() as
      { title: string; description: string } | undefined) ?? { title: 'Consultation', description: '' }
  );
}

/** The open and closed questions chosen by code (all when none is given), in the consultation's order. */
export function selectQuestions(db: Db, codes: string[] | undefined): QuestionRow[] {
  const rows = (
    db
      .prepare(
        "SELECT id, code, text, kind, options FROM question WHERE kind IN ('open', 'closed') ORDER BY position, id",
      )
      .all() as (Omit<QuestionRow, 'options'> & { options: string | null })[]
  ).map((r) => ({ ...r, options: parseJson<string[]>(r.options, []) }));
  if (!codes?.length) return rows;
  const known = new Set(rows.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) {
    throw new AppError(
      'NOT_FOUND',
      `There is no open or closed question ${unknown.join(', ')}. The questions are ${[...known].join(', ')}.`,
      { unknown },
    );
  }
  const wanted = new Set(codes);
  return rows.filter((r) => wanted.has(r.code));
}

/** A SQL expression over respondent p that puts each respondent in one display group. */
export interface Grouping {
  expr: string;
  /** Labels in display order. */
  labels: string[];
}

export const NOT_GIVEN = 'Not given';

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** "local authority" -> "Local authority": stored values are shown with a capital. */
export function displayLabel(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/**
 * Groups respondents by a column: the `keep` most common values (among counted respondents) by name, the
 * rest as `otherLabel`, and missing values as "Not given". Needs temp.report_respondent.
 */
export function grouping(db: Db, column: 'type' | 'city' | 'channel', keep: number, otherLabel: string): Grouping {
  const values = db
    .prepare(
      `SELECT p.${column} AS value, count(*) AS n FROM temp.report_respondent c JOIN respondent p ON p.id = c.id
        WHERE p.${column} IS NOT NULL AND p.${column} <> ''
        GROUP BY p.${column} ORDER BY n DESC, value`,
    )
    .all() as { value: string; n: number }[];
  // With only one value more than `keep`, naming it is clearer than an "other" group of one.
  const named = values.length <= keep + 1 ? values : values.slice(0, keep);
  const hasOther = named.length < values.length;
  const cases = named.map((v) => `WHEN ${sqlString(v.value)} THEN ${sqlString(displayLabel(v.value))}`).join(' ');
  const expr = `CASE WHEN p.${column} IS NULL OR p.${column} = '' THEN ${sqlString(NOT_GIVEN)} ${
    cases ? `ELSE CASE p.${column} ${cases} ELSE ${sqlString(otherLabel)} END` : `ELSE ${sqlString(otherLabel)}`
  } END`;
  return { expr, labels: [...named.map((v) => displayLabel(v.value)), ...(hasOther ? [otherLabel] : []), NOT_GIVEN] };
}

/** Counted respondents in each group (a respondent counts once however many questions they answered). */
export function respondentsByGroup(db: Db, g: Grouping): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT ${g.expr} AS grp, count(*) AS n FROM temp.report_respondent c JOIN respondent p ON p.id = c.id GROUP BY grp`,
    )
    .all() as { grp: string; n: number }[];
  return new Map(rows.map((r) => [r.grp, r.n]));
}

/**
 * temp.report_group: each respondent in scope with their type and place group, worked out once (respondent
 * rows are wide, with the original import row, so they are read once rather than for every count).
 */
export function loadGroups(db: Db, types: Grouping, places: Grouping): void {
  db.exec(`DROP TABLE IF EXISTS temp.report_group;
    CREATE TEMP TABLE report_group (respondent_id INTEGER PRIMARY KEY, type_group TEXT NOT NULL, place_group TEXT NOT NULL);
    INSERT INTO temp.report_group
      SELECT p.id, ${types.expr}, ${places.expr} FROM respondent p WHERE p.id IN (SELECT respondent_id FROM temp.report_scope) ORDER BY p.id`);
}

/** Counted responses to one question by type and place group (key ''). Needs temp.report_group. */
export function questionBases(db: Db, questionId: number): CrossCounts {
  return new CrossCounts(
    db
      .prepare(
        `SELECT '' AS key, g.type_group AS typeGroup, g.place_group AS placeGroup, count(*) AS n
           FROM temp.report_scope s JOIN temp.report_group g ON g.respondent_id = s.respondent_id
          WHERE s.question_id = ? AND s.counted = 1 GROUP BY typeGroup, placeGroup`,
      )
      .all(questionId) as CrossRow[],
  );
}

/** Closed answers (key: the answer as given) by type and place group. Needs temp.report_group. */
export function closedAnswers(db: Db, questionId: number): CrossCounts {
  return new CrossCounts(
    db
      .prepare(
        `SELECT trim(r.text) AS key, g.type_group AS typeGroup, g.place_group AS placeGroup, count(*) AS n
           FROM temp.report_scope s JOIN response r ON r.id = s.response_id JOIN temp.report_group g ON g.respondent_id = s.respondent_id
          WHERE s.question_id = ? AND s.counted = 1 GROUP BY key, typeGroup, placeGroup`,
      )
      .all(questionId) as CrossRow[],
  );
}

export function countedTotals(db: Db): { respondents: number; responses: number } {
  return {
    respondents: db.prepare('SELECT count(*) FROM temp.report_respondent').pluck().get() as number,
    responses: db.prepare('SELECT count(*) FROM temp.report_scope WHERE counted = 1').pluck().get() as number,
  };
}
