/**
 * The checks run over every open response (a worker task): personal data, sentiment and stance. Results
 * are worked out first, then replace the previous results in one short transaction, so the project stays
 * usable while the checks run and a cancelled run changes nothing. Analysts' marks (false positives,
 * question settings) live in their own tables and are untouched.
 */
import { openWorkerDb, type Db } from '../../db/connection';
import type { TaskContext } from '../../jobs/protocol';
import { AppError } from '../../util/errors';
import { findPersonalData } from '../pii/detect';
import type { PiiSpan } from '../pii/kinds';
import { profileQuestion, type QuestionProfile } from './question';
import { sentiment, sentimentLabel } from './sentiment';
import { classifyStance } from './stance';

export interface ScanInput {
  dbPath: string;
  actor: string;
}

export interface ScanResult {
  runId: number;
  responses: number;
  withPersonalData: number;
  findings: number;
  ms: number;
}

const PAGE = 2000;
const STANCES = ['agree', 'disagree', 'mixed', 'unclear'] as const;

/** Brings the automatic "asks for a stance" settings up to date; an analyst's choice is kept. */
function settleQuestionSettings(db: Db, questions: { id: number; text: string }[]): void {
  const upsert = db.prepare(
    `INSERT INTO question_stance (question_id, asks_stance, automatic) VALUES (?, ?, 1)
     ON CONFLICT (question_id) DO UPDATE SET asks_stance = excluded.asks_stance WHERE automatic = 1`,
  );
  for (const q of questions) upsert.run(q.id, profileQuestion(q.text).asksStance ? 1 : 0);
}

export function scanResponses(db: Db, input: Omit<ScanInput, 'dbPath'>, ctx: TaskContext): ScanResult {
  const started = Date.now();
  const startedAt = new Date().toISOString();
  const questions = db.prepare("SELECT id, text FROM question WHERE kind = 'open'").all() as {
    id: number;
    text: string;
  }[];
  const profiles = new Map<number, QuestionProfile>(questions.map((q) => [q.id, profileQuestion(q.text)]));
  const total = db
    .prepare("SELECT count(*) FROM response r JOIN question q ON q.id = r.question_id WHERE q.kind = 'open'")
    .pluck()
    .get() as number;

  // Typed arrays: a million responses' results in a few tens of megabytes.
  const ids = new Float64Array(total);
  const scores = new Float32Array(total);
  const stances = new Uint8Array(total);
  const cueStart = new Int32Array(total).fill(-1);
  const cueEnd = new Int32Array(total).fill(-1);
  const findings: { responseId: number; span: PiiSpan }[] = [];
  const page = db.prepare(
    `SELECT r.id, r.question_id AS questionId, r.text FROM response r JOIN question q ON q.id = r.question_id
      WHERE q.kind = 'open' AND r.id > ? ORDER BY r.id LIMIT ?`,
  );
  let n = 0;
  let after = 0;
  for (;;) {
    const rows = page.all(after, PAGE) as { id: number; questionId: number; text: string }[];
    if (rows.length === 0 || n >= total) break;
    for (const row of rows) {
      if (n >= total) break;
      ids[n] = row.id;
      scores[n] = sentiment(row.text).score;
      const stance = classifyStance(row.text, profiles.get(row.questionId) as QuestionProfile);
      stances[n] = STANCES.indexOf(stance.stance);
      if (stance.cue) {
        cueStart[n] = stance.cue.start;
        cueEnd[n] = stance.cue.end;
      }
      for (const span of findPersonalData(row.text)) findings.push({ responseId: row.id, span });
      n++;
    }
    after = rows[rows.length - 1].id;
    if (ctx.cancelled()) throw new AppError('CANCELLED', 'The checks were cancelled; nothing was changed.');
    ctx.progress('Checking responses', n, total);
  }

  ctx.progress('Saving results', 0, null);
  const runId = db.transaction(() => {
    const run = db
      .prepare("INSERT INTO signal_run (kind, params, started_by, started_at, finished_at) VALUES ('scan', ?, ?, ?, ?)")
      .run(
        JSON.stringify({ sentiment: 'AFINN-165, VADER rules', stance: 'rules v1', pii: 'patterns v1' }),
        input.actor,
        startedAt,
        startedAt,
      ).lastInsertRowid as number;
    settleQuestionSettings(db, questions);
    db.prepare('DELETE FROM pii_finding').run();
    db.prepare('DELETE FROM response_signal').run();
    const insertSignal = db.prepare(
      'INSERT INTO response_signal (response_id, sentiment, sentiment_label, stance, cue_start, cue_end, run_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < n; i++) {
      const score = Math.round(scores[i] * 1000) / 1000;
      insertSignal.run(
        ids[i],
        score,
        sentimentLabel(score),
        STANCES[stances[i]],
        cueStart[i] < 0 ? null : cueStart[i],
        cueEnd[i] < 0 ? null : cueEnd[i],
        run,
      );
    }
    const insertFinding = db.prepare(
      'INSERT OR IGNORE INTO pii_finding (response_id, kind, start, end, run_id) VALUES (?, ?, ?, ?, ?)',
    );
    for (const f of findings) insertFinding.run(f.responseId, f.span.kind, f.span.start, f.span.end, run);
    const ms = Date.now() - started;
    const withPersonalData = new Set(findings.map((f) => f.responseId)).size;
    db.prepare('UPDATE signal_run SET stats = ?, finished_at = ? WHERE id = ?').run(
      JSON.stringify({ responses: n, withPersonalData, findings: findings.length, ms }),
      new Date().toISOString(),
      run,
    );
    return run;
  })();
  return {
    runId,
    responses: n,
    withPersonalData: new Set(findings.map((f) => f.responseId)).size,
    findings: findings.length,
    ms: Date.now() - started,
  };
}

export function scanTask(input: unknown, ctx: TaskContext): ScanResult {
  const { dbPath, ...rest } = input as ScanInput;
  const db = openWorkerDb(dbPath);
  try {
    return scanResponses(db, rest, ctx);
  } finally {
    db.close();
  }
}
