import type { Db } from '../db/connection';
import { assignImportedThemes } from '../db/queries/assignments';

/**
 * Turns the theme names that came in a file's themes column into accepted themes and analyst-equivalent
 * assignments (source 'import'), so coded data from another tool arrives coded. Runs inside the import's
 * transaction: a failed or cancelled import leaves no themes behind. Names stay in imported_theme as given.
 */
export function assignThemesFromImport(db: Db, importId: number, actor: string): number {
  const rows = db
    .prepare(
      `SELECT r.id AS responseId, it.question_id AS questionId, it.theme AS name
         FROM imported_theme it
         JOIN response r ON r.respondent_id = it.respondent_id AND r.question_id = it.question_id
        WHERE it.import_id = ? ORDER BY it.id`,
    )
    .all(importId) as { responseId: number; questionId: number; name: string }[];
  const byQuestion = new Map<number, Map<number, string[]>>();
  for (const row of rows) {
    const responses = byQuestion.get(row.questionId) ?? new Map<number, string[]>();
    responses.set(row.responseId, [...(responses.get(row.responseId) ?? []), row.name]);
    byQuestion.set(row.questionId, responses);
  }
  let assignments = 0;
  for (const [questionId, responses] of byQuestion) {
    const list = [...responses.entries()].map(([responseId, names]) => ({ responseId, names }));
    assignments += assignImportedThemes(db, questionId, list, actor).assignments;
  }
  return assignments;
}
