import type { ApplyResult, TriageAction, TriageChange, TriageTarget, UndoResult } from '../../shared/api';
import { openWorkerDb } from '../db/connection';
import { applyChange, undoAction } from '../db/queries/triage';
import type { TaskContext } from '../jobs/protocol';

/** What a background triage job needs: the project file and who acts in which session. */
interface JobBase {
  dbPath: string;
  session: string;
  actor: string;
}

export interface ApplyJobInput extends JobBase {
  target: TriageTarget;
  change: TriageChange;
  description: string;
}

export interface UndoJobInput extends JobBase {
  action: TriageAction;
}

function withDb<T>(dbPath: string, fn: (db: ReturnType<typeof openWorkerDb>) => T): T {
  const db = openWorkerDb(dbPath);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** A decision on a large set, in a worker: one transaction, so a cancel leaves every response as it was. */
export function applyTask(input: unknown, ctx: TaskContext): ApplyResult {
  const job = input as ApplyJobInput;
  return withDb(job.dbPath, (db) => {
    const action = applyChange(db, job.target, job.change, job.description, {
      session: job.session,
      actor: job.actor,
      progress: (done, total) => ctx.progress('Changing responses', done, total),
      cancelled: ctx.cancelled,
    });
    return { action, changed: action?.changed ?? 0, jobId: null };
  });
}

export function undoTask(input: unknown, ctx: TaskContext): UndoResult {
  const job = input as UndoJobInput;
  return withDb(job.dbPath, (db) => {
    const result = undoAction(db, job.action, {
      session: job.session,
      actor: job.actor,
      progress: (done, total) => ctx.progress('Undoing', done, total),
      cancelled: ctx.cancelled,
    });
    return { undone: job.action, ...result, jobId: null };
  });
}
