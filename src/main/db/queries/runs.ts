import type { RunSummary } from '../../../shared/api';
import type { Db } from '../connection';

interface RunRow {
  id: number;
  kind: 'discover' | 'classify';
  questionId: number | null;
  parameters: string;
  seed: number;
  timings: string;
  quality: string;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
}

const COLUMNS = `id, kind, question_id AS questionId, parameters, seed, timings, quality, started_by AS startedBy,
  started_at AS startedAt, finished_at AS finishedAt`;

function toSummary(row: RunRow): RunSummary {
  return {
    ...row,
    parameters: JSON.parse(row.parameters) as Record<string, unknown>,
    timings: JSON.parse(row.timings) as Record<string, number>,
    quality: JSON.parse(row.quality) as Record<string, unknown>,
  };
}

export function startRun(
  db: Db,
  run: {
    kind: 'discover' | 'classify';
    questionId: number;
    parameters: object;
    seed: number;
    startedBy: string;
    startedAt: string;
  },
): number {
  return Number(
    db
      .prepare(
        'INSERT INTO analysis_run (kind, question_id, parameters, seed, started_by, started_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(run.kind, run.questionId, JSON.stringify(run.parameters), run.seed, run.startedBy, run.startedAt)
      .lastInsertRowid,
  );
}

export function finishRun(db: Db, id: number, timings: Record<string, number>, quality: object): void {
  db.prepare('UPDATE analysis_run SET timings = ?, quality = ?, finished_at = ? WHERE id = ?').run(
    JSON.stringify(timings),
    JSON.stringify(quality),
    new Date().toISOString(),
    id,
  );
}

export function latestRun(db: Db, questionId: number, kind: 'discover' | 'classify'): RunSummary | null {
  const row = db
    .prepare(
      `SELECT ${COLUMNS} FROM analysis_run WHERE question_id = ? AND kind = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
    )
    .get(questionId, kind) as RunRow | undefined;
  return row ? toSummary(row) : null;
}
