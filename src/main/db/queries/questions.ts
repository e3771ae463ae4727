import type { Question, QuestionKind } from '../../../shared/api';
import type { Db } from '../connection';

interface QuestionRow {
  id: number;
  code: string;
  text: string;
  kind: QuestionKind;
  options: string | null;
  position: number;
  responseCount: number;
}

export function listQuestions(db: Db): Question[] {
  const rows = db
    .prepare(
      `SELECT q.id, q.code, q.text, q.kind, q.options, q.position,
              (SELECT count(*) FROM response r WHERE r.question_id = q.id) AS responseCount
         FROM question q ORDER BY q.position, q.id`,
    )
    .all() as QuestionRow[];
  return rows.map((r) => ({ ...r, options: r.options ? (JSON.parse(r.options) as string[]) : null }));
}
