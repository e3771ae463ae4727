import type { Question } from '../../shared/api';
import type { Db } from '../db/connection';

export type QuestionInfo = Omit<Question, 'responseCount' | 'position'>;

/**
 * The questions, without the per-question response counts of `listQuestions` (which every chart would
 * otherwise pay for at a million responses).
 */
export function questionInfo(db: Db): QuestionInfo[] {
  const rows = db.prepare('SELECT id, code, text, kind, options FROM question ORDER BY position, id').all() as (Omit<
    QuestionInfo,
    'options'
  > & {
    options: string | null;
  })[];
  return rows.map((r) => ({ ...r, options: r.options ? (JSON.parse(r.options) as string[]) : null }));
}

export const questionTitle = (q: QuestionInfo): string => `${q.code}: ${q.text}`;
