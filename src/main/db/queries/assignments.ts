import type { AssignmentSource, AssignmentState } from '../../../shared/api';
import { AppError } from '../../util/errors';
import type { Db } from '../connection';
import { appendAudit } from './audit';
import { insertTheme } from './themes';

/** An assignment as stored; the service adds evidence spans for display. */
export interface AssignmentRecord {
  id: number;
  responseId: number;
  themeId: number;
  themeName: string;
  source: AssignmentSource;
  sourceDetail: string;
  runId: number | null;
  confidence: number | null;
  state: AssignmentState;
  /** Stored JSON: { terms: string[] } for model and rule decisions. */
  evidence: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  at: string;
}

const COLUMNS = `a.id, a.response_id AS responseId, a.theme_id AS themeId, t.name AS themeName, a.source,
  a.source_detail AS sourceDetail, a.run_id AS runId, a.confidence, a.state, a.evidence, a.decided_by AS decidedBy,
  a.decided_at AS decidedAt, a.at`;

function themeQuestion(db: Db, themeId: number): number {
  const q = db.prepare('SELECT question_id FROM theme WHERE id = ?').pluck().get(themeId) as number | undefined;
  if (q === undefined) throw new AppError('NOT_FOUND', `There is no theme ${themeId}.`);
  return q;
}

/** Refuses responses that are not answers to the theme's question (a theme belongs to one question). */
function checkResponses(db: Db, questionId: number, responseIds: number[]): void {
  const wrong = db
    .prepare('SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM response WHERE question_id = ?)')
    .pluck()
    .all(JSON.stringify(responseIds), questionId) as number[];
  if (wrong.length) {
    throw new AppError(
      'INVALID_INPUT',
      `Response ${wrong.slice(0, 5).join(', ')}${wrong.length > 5 ? '…' : ''} does not answer this theme's question.`,
      {
        responseIds: wrong,
      },
    );
  }
}

/**
 * An analyst gives responses a theme. An existing proposal becomes the analyst's decision (its model
 * provenance kept in the audit log); a new one is recorded as the analyst's own.
 */
export function assignByAnalyst(db: Db, responseIds: number[], themeId: number, actor: string): number {
  return db.transaction(() => {
    checkResponses(db, themeQuestion(db, themeId), responseIds);
    const now = new Date().toISOString();
    const before = db
      .prepare(
        `SELECT response_id AS responseId, source, state, confidence FROM assignment WHERE theme_id = ? AND response_id IN (SELECT value FROM json_each(?))`,
      )
      .all(themeId, JSON.stringify(responseIds));
    const upsert = db.prepare(
      `INSERT INTO assignment (response_id, theme_id, source, source_detail, confidence, state, decided_by, decided_at, at)
       VALUES (?, ?, 'analyst', ?, 1, 'accepted', ?, ?, ?)
       ON CONFLICT (response_id, theme_id) DO UPDATE SET state = 'accepted', decided_by = excluded.decided_by, decided_at = excluded.decided_at
       WHERE assignment.state <> 'accepted'`,
    );
    let changed = 0;
    for (const id of responseIds) changed += upsert.run(id, themeId, actor, actor, now, now).changes;
    appendAudit(db, {
      actor,
      action: 'assign',
      entity: 'theme',
      entityId: themeId,
      before,
      after: { responseIds, state: 'accepted' },
    });
    return changed;
  })();
}

/** An analyst takes a theme off responses: recorded as a rejection, so no model proposes it again. */
export function unassignByAnalyst(db: Db, responseIds: number[], themeId: number, actor: string): number {
  return db.transaction(() => {
    const now = new Date().toISOString();
    const before = db
      .prepare(
        `SELECT response_id AS responseId, source, state, confidence FROM assignment WHERE theme_id = ? AND response_id IN (SELECT value FROM json_each(?))`,
      )
      .all(themeId, JSON.stringify(responseIds));
    const changed = db
      .prepare(
        `UPDATE assignment SET state = 'rejected', decided_by = ?, decided_at = ?
          WHERE theme_id = ? AND state <> 'rejected' AND response_id IN (SELECT value FROM json_each(?))`,
      )
      .run(actor, now, themeId, JSON.stringify(responseIds)).changes;
    appendAudit(db, {
      actor,
      action: 'unassign',
      entity: 'theme',
      entityId: themeId,
      before,
      after: { responseIds, state: 'rejected' },
    });
    return changed;
  })();
}

/** Accepts or rejects proposals, by id or all of a theme's (optionally only those at or above a confidence). */
export function decideProposals(
  db: Db,
  decision: 'accept' | 'reject',
  target: { assignmentIds?: number[]; themeId?: number; minConfidence?: number },
  actor: string,
): number {
  if (!target.assignmentIds && target.themeId === undefined)
    throw new AppError('INVALID_INPUT', 'Say which proposals: give their ids or a theme.');
  return db.transaction(() => {
    const where: string[] = ["state = 'proposed'"];
    const params: unknown[] = [];
    if (target.assignmentIds) {
      where.push('id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(target.assignmentIds));
    }
    if (target.themeId !== undefined) {
      where.push('theme_id = ?');
      params.push(target.themeId);
    }
    if (target.minConfidence !== undefined) {
      where.push('confidence >= ?');
      params.push(target.minConfidence);
    }
    const ids = db
      .prepare(`SELECT id FROM assignment WHERE ${where.join(' AND ')}`)
      .pluck()
      .all(...params) as number[];
    const state = decision === 'accept' ? 'accepted' : 'rejected';
    const changed = db
      .prepare(
        `UPDATE assignment SET state = ?, decided_by = ?, decided_at = ? WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .run(state, actor, new Date().toISOString(), JSON.stringify(ids)).changes;
    appendAudit(db, {
      actor,
      action: decision,
      entity: 'assignment',
      entityId: target.themeId ?? null,
      before: { state: 'proposed', ids },
      after: { state },
    });
    return changed;
  })();
}

export function themeAssignments(
  db: Db,
  themeId: number,
  states: AssignmentState[],
  offset: number,
  limit: number,
): { total: number; rows: AssignmentRecord[] } {
  const list = JSON.stringify(states);
  const total = db
    .prepare('SELECT count(*) FROM assignment WHERE theme_id = ? AND state IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(themeId, list) as number;
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM assignment a JOIN theme t ON t.id = a.theme_id
        WHERE a.theme_id = ? AND a.state IN (SELECT value FROM json_each(?))
        ORDER BY a.state = 'proposed', a.confidence DESC, a.response_id LIMIT ? OFFSET ?`,
    )
    .all(themeId, list, limit, offset) as AssignmentRecord[];
  return { total, rows };
}

export function responseAssignments(db: Db, responseId: number): AssignmentRecord[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM assignment a JOIN theme t ON t.id = a.theme_id WHERE a.response_id = ?
        ORDER BY a.state = 'rejected', a.confidence DESC, t.position`,
    )
    .all(responseId) as AssignmentRecord[];
}

/** Proposals for a question, least certain first. */
export function reviewQueue(
  db: Db,
  questionId: number,
  offset: number,
  limit: number,
): { total: number; rows: AssignmentRecord[] } {
  const total = db
    .prepare(
      `SELECT count(*) FROM assignment a JOIN theme t ON t.id = a.theme_id WHERE t.question_id = ? AND t.is_other = 0 AND a.state = 'proposed'`,
    )
    .pluck()
    .get(questionId) as number;
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM assignment a JOIN theme t ON t.id = a.theme_id
        WHERE t.question_id = ? AND t.is_other = 0 AND a.state = 'proposed'
        ORDER BY a.confidence, a.id LIMIT ? OFFSET ?`,
    )
    .all(questionId, limit, offset) as AssignmentRecord[];
  return { total, rows };
}

export interface ProposalRow {
  responseId: number;
  themeId: number;
  confidence: number;
  evidence: string | null;
}

/**
 * Writes model or rule proposals. The upsert only ever replaces another proposal: a person's decision on
 * the same response and theme stays as it is (and the table's trigger refuses it anyway).
 */
export function writeProposals(
  db: Db,
  rows: Iterable<ProposalRow>,
  provenance: { source: 'model' | 'rule'; sourceDetail: string; runId: number | null; ruleId?: number | null },
): number {
  const now = new Date().toISOString();
  const upsert = db.prepare(
    `INSERT INTO assignment (response_id, theme_id, source, source_detail, run_id, rule_id, confidence, state, evidence, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?)
     ON CONFLICT (response_id, theme_id) DO UPDATE SET source = excluded.source, source_detail = excluded.source_detail,
       run_id = excluded.run_id, rule_id = excluded.rule_id, confidence = excluded.confidence, evidence = excluded.evidence, at = excluded.at
     WHERE assignment.state = 'proposed'`,
  );
  let written = 0;
  for (const r of rows) {
    written += upsert.run(
      r.responseId,
      r.themeId,
      provenance.source,
      provenance.sourceDetail,
      provenance.runId,
      provenance.ruleId ?? null,
      r.confidence,
      r.evidence,
      now,
    ).changes;
  }
  return written;
}

/** Removes a question's open proposals on the given themes (a new run replaces them); decisions stay. */
export function clearProposals(db: Db, themeIds: number[]): number {
  return db
    .prepare(`DELETE FROM assignment WHERE state = 'proposed' AND theme_id IN (SELECT value FROM json_each(?))`)
    .run(JSON.stringify(themeIds)).changes;
}

/**
 * Assignments coded in another tool, arriving with an import: theme names per response. Themes that do not
 * exist yet are created as accepted; every assignment counts as an analyst's (source 'import').
 */
export function assignImportedThemes(
  db: Db,
  questionId: number,
  rows: { responseId: number; names: string[] }[],
  actor: string,
): { themesCreated: number; assignments: number } {
  return db.transaction(() => {
    checkResponses(
      db,
      questionId,
      rows.map((r) => r.responseId),
    );
    const ids = new Map<string, number>(
      (
        db.prepare('SELECT id, name FROM theme WHERE question_id = ?').all(questionId) as { id: number; name: string }[]
      ).map((t) => [t.name.toLowerCase(), t.id]),
    );
    let themesCreated = 0;
    const now = new Date().toISOString();
    const upsert = db.prepare(
      `INSERT INTO assignment (response_id, theme_id, source, source_detail, confidence, state, decided_by, decided_at, at)
       VALUES (?, ?, 'import', ?, 1, 'accepted', ?, ?, ?)
       ON CONFLICT (response_id, theme_id) DO UPDATE SET source = 'import', source_detail = excluded.source_detail, confidence = 1,
         state = 'accepted', decided_by = excluded.decided_by, decided_at = excluded.decided_at
       WHERE assignment.state = 'proposed'`,
    );
    let assignments = 0;
    for (const row of rows) {
      for (const raw of row.names) {
        const name = raw.trim();
        if (!name) continue;
        let id = ids.get(name.toLowerCase());
        if (id === undefined) {
          id = insertTheme(db, { questionId, name, status: 'accepted', createdBy: actor });
          ids.set(name.toLowerCase(), id);
          themesCreated++;
        }
        assignments += upsert.run(row.responseId, id, `imported by ${actor}`, actor, now, now).changes;
      }
    }
    appendAudit(db, {
      actor,
      action: 'import-assignments',
      entity: 'question',
      entityId: questionId,
      after: { responses: rows.length, themesCreated, assignments },
    });
    return { themesCreated, assignments };
  })();
}
