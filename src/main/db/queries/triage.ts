import type {
  HistoryEntry,
  QuestionProgress,
  ResponseFilter,
  SavedView,
  TriageAction,
  TriageChange,
  TriageTarget,
} from '../../../shared/api';
import { AppError } from '../../util/errors';
import type { Db } from '../connection';
import { appendAudit } from './audit';
import { filterSql, fromWhere } from './response-filter';
import { FLAGS_SQL, PRIORITY_NAME, priorityFromState, STATE_SQL, stateSql } from './triage-state';

/** How many of a session's actions can be undone; older undo data is pruned. */
export const UNDO_DEPTH = 20;
/** Responses per chunk when changing a large set: progress and cancelling are checked between chunks. */
const CHUNK = 25_000;

/** Who is acting, in which session, and (in a background job) how to report progress and notice a cancel. */
export interface ActionContext {
  session: string;
  actor: string;
  progress?: (done: number, total: number) => void;
  cancelled?: () => boolean;
}

/** The state a change leaves a response `r` in, as SQL with its parameters (in textual order). */
function newStateSql(change: TriageChange): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const value = (set: boolean, current: string, next: unknown): string => {
    if (!set) return current;
    params.push(next);
    return '?';
  };
  const status = value(change.status !== undefined, 'r.status', change.status);
  // A new status other than "excluded" clears the reason.
  const reason = value(
    change.status !== undefined,
    'r.exclusion_reason',
    change.status === 'excluded' ? change.exclusionReason : null,
  );
  const priority = value(change.priority !== undefined, PRIORITY_NAME, change.priority);
  let flags = FLAGS_SQL;
  if (change.addFlags?.length || change.removeFlags?.length) {
    params.push(JSON.stringify(change.removeFlags ?? []), JSON.stringify(change.addFlags ?? []));
    flags = `(SELECT json_group_array(flag) FROM (
        SELECT flag FROM response_flag WHERE response_id = r.id AND flag NOT IN (SELECT value FROM json_each(?))
        UNION SELECT value FROM json_each(?) ORDER BY 1))`;
  }
  const note = value(change.note !== undefined, 'r.note', change.note ? change.note : null);
  const assignee = value(change.assignee !== undefined, 'r.assignee', change.assignee ?? null);
  return { sql: stateSql({ status, reason, priority, flags, note, assignee }), params };
}

interface ActionRow {
  id: number;
  description: string;
  actor: string;
  at: string;
  changed: number;
}

function pruneUndo(db: Db, session: string): void {
  db.prepare(
    `DELETE FROM triage_action WHERE id < coalesce((SELECT min(id) FROM (
       SELECT id FROM triage_action WHERE session = ? AND reverts IS NULL AND undone = 0 ORDER BY id DESC LIMIT ?)), 0)`,
  ).run(session, UNDO_DEPTH);
}

function createAction(db: Db, ctx: ActionContext, description: string, reverts: number | null): number {
  return Number(
    db
      .prepare('INSERT INTO triage_action (session, actor, at, description, reverts) VALUES (?, ?, ?, ?, ?)')
      .run(ctx.session, ctx.actor, new Date().toISOString(), description, reverts).lastInsertRowid,
  );
}

/**
 * Writes the changes recorded for an action (within an id range) to the responses, their flags and the audit
 * log. A response row (which holds the answer text too) is rewritten only when more than its flags changed.
 */
function applyRecorded(
  db: Db,
  actionId: number,
  lo: number,
  hi: number,
  ctx: ActionContext,
  auditAction: string,
): void {
  db.prepare(
    `UPDATE response SET status = json_extract(c.after, '$.status'),
            exclusion_reason = json_extract(c.after, '$.exclusionReason'),
            priority = ${priorityFromState('c.after')},
            note = json_extract(c.after, '$.note'),
            assignee = json_extract(c.after, '$.assignee')
       FROM triage_change c WHERE c.action_id = ? AND c.response_id BETWEEN ? AND ? AND c.response_id = response.id
        AND json_remove(c.before, '$.flags') IS NOT json_remove(c.after, '$.flags')`,
  ).run(actionId, lo, hi);
  const flagsChanged = "json_extract(c.before, '$.flags') IS NOT json_extract(c.after, '$.flags')";
  db.prepare(
    `DELETE FROM response_flag WHERE response_id IN (
       SELECT c.response_id FROM triage_change c WHERE c.action_id = ? AND c.response_id BETWEEN ? AND ? AND ${flagsChanged})`,
  ).run(actionId, lo, hi);
  db.prepare(
    `INSERT INTO response_flag (response_id, flag)
     SELECT c.response_id, j.value FROM triage_change c, json_each(c.after, '$.flags') j
      WHERE c.action_id = ? AND c.response_id BETWEEN ? AND ? AND ${flagsChanged}`,
  ).run(actionId, lo, hi);
  db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after)
     SELECT ?, ?, ?, 'response', response_id, before, after FROM triage_change
      WHERE action_id = ? AND response_id BETWEEN ? AND ?`,
  ).run(new Date().toISOString(), ctx.actor, auditAction, actionId, lo, hi);
}

/**
 * Runs `each` on the ids (sorted) a chunk at a time, with progress and cancel checks between chunks. Each
 * chunk is a contiguous id range, so the recorded changes of a chunk are found by range.
 */
function inChunks(ids: number[], ctx: ActionContext, each: (chunk: number[], lo: number, hi: number) => void): void {
  for (let start = 0; start < ids.length; start += CHUNK) {
    if (ctx.cancelled?.()) throw new AppError('CANCELLED', 'The change was cancelled; nothing was changed.');
    const chunk = ids.slice(start, start + CHUNK);
    each(chunk, chunk[0], chunk[chunk.length - 1]);
    ctx.progress?.(start + chunk.length, ids.length);
  }
}

function finishAction(db: Db, actionId: number): TriageAction | null {
  const changed = db.prepare('SELECT count(*) FROM triage_change WHERE action_id = ?').pluck().get(actionId) as number;
  if (changed === 0) {
    db.prepare('DELETE FROM triage_action WHERE id = ?').run(actionId);
    return null;
  }
  db.prepare('UPDATE triage_action SET changed = ? WHERE id = ?').run(changed, actionId);
  return db
    .prepare('SELECT id, description, actor, at, changed FROM triage_action WHERE id = ?')
    .get(actionId) as ActionRow;
}

/**
 * Applies a change to a target in one transaction: records each response's state before and after (only
 * those it really changes), writes the new state, and one audit entry per response. Returns the action, or
 * null when nothing needed to change.
 */
export function applyChange(
  db: Db,
  target: TriageTarget,
  change: TriageChange,
  description: string,
  ctx: ActionContext,
): TriageAction | null {
  const next = newStateSql(change);
  const auditAction = 'ids' in target ? 'triage.decide' : 'triage.bulk';
  return db
    .transaction(() => {
      // The target's ids, found once (inside the transaction, so the set cannot change under us).
      let ids: number[];
      if ('ids' in target) ids = [...new Set(target.ids)].sort((a, b) => a - b);
      else {
        const { sql, params } = fromWhere(filterSql(db, target.filter));
        ids = db
          .prepare(`SELECT r.id ${sql} ORDER BY r.id`)
          .pluck()
          .all(...params) as number[];
      }
      pruneUndo(db, ctx.session);
      const actionId = createAction(db, ctx, description, null);
      const snapshot = db.prepare(
        `INSERT INTO triage_change (action_id, response_id, before, after)
       SELECT ?, id, before, after FROM (
         SELECT r.id, ${STATE_SQL} AS before, ${next.sql} AS after FROM response r WHERE r.id IN (SELECT value FROM json_each(?)))
        WHERE before IS NOT after`,
      );
      inChunks(ids, ctx, (chunk, lo, hi) => {
        snapshot.run(actionId, ...next.params, JSON.stringify(chunk));
        applyRecorded(db, actionId, lo, hi, ctx, auditAction);
      });
      return finishAction(db, actionId);
    })
    .immediate();
}

/** This session's actions that can be undone, newest first. */
export function undoStack(db: Db, session: string): TriageAction[] {
  return db
    .prepare(
      `SELECT id, description, actor, at, changed FROM triage_action
        WHERE session = ? AND reverts IS NULL AND undone = 0 ORDER BY id DESC LIMIT ?`,
    )
    .all(session, UNDO_DEPTH) as ActionRow[];
}

export function lastUndoable(db: Db, session: string): TriageAction | null {
  return undoStack(db, session)[0] ?? null;
}

/**
 * Reverts one action exactly: each response it changed goes back to its state before, unless it has been
 * changed again since (then it is left, and counted as skipped). The reversal is an action of its own in the
 * audit log.
 */
export function undoAction(db: Db, action: TriageAction, ctx: ActionContext): { reverted: number; skipped: number } {
  return db
    .transaction(() => {
      const ids = db
        .prepare('SELECT response_id FROM triage_change WHERE action_id = ? ORDER BY response_id')
        .pluck()
        .all(action.id) as number[];
      const undoId = createAction(db, ctx, `Undo: ${action.description}`, action.id);
      const revert = db.prepare(
        `INSERT INTO triage_change (action_id, response_id, before, after)
       SELECT ?, c.response_id, c.after, c.before FROM triage_change c JOIN response r ON r.id = c.response_id
        WHERE c.action_id = ? AND c.response_id BETWEEN ? AND ? AND ${STATE_SQL} = c.after`,
      );
      inChunks(ids, ctx, (_, lo, hi) => {
        revert.run(undoId, action.id, lo, hi);
        applyRecorded(db, undoId, lo, hi, ctx, 'triage.undo');
      });
      db.prepare('UPDATE triage_action SET undone = 1 WHERE id = ?').run(action.id);
      const reverted = finishAction(db, undoId)?.changed ?? 0;
      return { reverted, skipped: action.changed - reverted };
    })
    .immediate();
}

/** Opening a response marks it read, once: audited, but not an undo step (undo is for decisions). */
export function markRead(db: Db, id: number, actor: string): boolean {
  const state = db.prepare(`SELECT ${STATE_SQL} FROM response r WHERE r.id = ?`).pluck();
  return db
    .transaction(() => {
      const before = state.get(id) as string | undefined;
      if (before === undefined) throw new AppError('NOT_FOUND', `There is no response ${id}.`);
      if (!db.prepare("UPDATE response SET status = 'read' WHERE id = ? AND status = 'new'").run(id).changes)
        return false;
      const after = state.get(id) as string;
      appendAudit(db, {
        actor,
        action: 'triage.read',
        entity: 'response',
        entityId: id,
        before: JSON.parse(before),
        after: JSON.parse(after),
      });
      return true;
    })
    .immediate();
}

export function responseHistory(db: Db, responseId: number): HistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT id, at, actor, action, before, after FROM audit_log
        WHERE entity = 'response' AND entity_id = ? ORDER BY id DESC`,
    )
    .all(responseId) as {
    id: number;
    at: string;
    actor: string;
    action: string;
    before: string | null;
    after: string | null;
  }[];
  const parse = (json: string | null): Record<string, unknown> | null => {
    if (json === null) return null;
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  };
  return rows.map((r) => ({ ...r, before: parse(r.before), after: parse(r.after) }));
}

/** Read from the kept per-question status counts: instant at any size. */
export function progressByQuestion(db: Db): QuestionProgress[] {
  return db
    .prepare(
      `SELECT q.id AS questionId, q.code, q.text, q.kind,
              coalesce(sum(c.n), 0) AS total,
              coalesce(sum(c.n) FILTER (WHERE c.status != 'new'), 0) AS read,
              coalesce(sum(c.n) FILTER (WHERE c.status = 'in_review'), 0) AS inReview,
              coalesce(sum(c.n) FILTER (WHERE c.status = 'done'), 0) AS done,
              coalesce(sum(c.n) FILTER (WHERE c.status = 'excluded'), 0) AS excluded
         FROM question q LEFT JOIN response_status_count c ON c.question_id = q.id
        GROUP BY q.id ORDER BY q.position, q.id`,
    )
    .all() as QuestionProgress[];
}

interface ViewRow {
  id: number;
  name: string;
  filter: string;
  createdBy: string;
  createdAt: string;
}

const toView = (r: ViewRow): SavedView => ({ ...r, filter: JSON.parse(r.filter) as ResponseFilter });

export function listViews(db: Db): SavedView[] {
  return (
    db
      .prepare(
        'SELECT id, name, filter, created_by AS createdBy, created_at AS createdAt FROM saved_view ORDER BY name COLLATE NOCASE',
      )
      .all() as ViewRow[]
  ).map(toView);
}

export function saveView(db: Db, name: string, filter: ResponseFilter, actor: string): SavedView {
  const row = db
    .prepare(
      `INSERT INTO saved_view (name, filter, created_by, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET filter = excluded.filter, created_by = excluded.created_by, created_at = excluded.created_at
       RETURNING id, name, filter, created_by AS createdBy, created_at AS createdAt`,
    )
    .get(name, JSON.stringify(filter), actor, new Date().toISOString()) as ViewRow;
  return toView(row);
}

export function deleteView(db: Db, id: number): void {
  if (!db.prepare('DELETE FROM saved_view WHERE id = ?').run(id).changes)
    throw new AppError('NOT_FOUND', `There is no saved view ${id}.`);
}
