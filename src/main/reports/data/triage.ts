/**
 * Triage decisions (issue 4's migration 0003: status, exclusion_reason and note on response; response_flag).
 * Without them nothing is excluded and exports leave those columns empty.
 */
import type { Db } from '../../db/connection';
import { hasColumn, hasTable } from './schema';

const REASON_LABELS: Record<string, string> = {
  spam: 'Spam',
  duplicate: 'Duplicate',
  out_of_scope: 'Out of scope',
  offensive: 'Offensive',
  other: 'Other reason',
};

const FLAG_LABELS: Record<string, string> = {
  follow_up: 'Needs follow-up',
  notable_quote: 'Notable quote',
  organisation: 'Organisation response',
  safeguarding: 'Safeguarding concern',
};

const STATUS_LABELS: Record<string, string> = {
  new: 'New',
  read: 'Read',
  in_review: 'In review',
  done: 'Done',
  excluded: 'Excluded',
};

export function hasTriage(db: Db): boolean {
  return hasColumn(db, 'response', 'status');
}

/** A condition on response r that is true for responses an analyst excluded; null when there is no triage. */
export function excludedCondition(db: Db): string | null {
  return hasTriage(db) ? "r.status = 'excluded'" : null;
}

export function reasonLabel(reason: string | null): string {
  return reason ? (REASON_LABELS[reason] ?? reason) : 'No reason given';
}

export function statusLabel(status: string | null): string {
  return status ? (STATUS_LABELS[status] ?? status) : '';
}

export function flagLabel(flag: string): string {
  return FLAG_LABELS[flag] ?? flag;
}

/** Excluded responses to the given questions, by reason. */
export function exclusionsByReason(db: Db, questionIds: number[]): { label: string; count: number }[] {
  if (!hasTriage(db)) return [];
  const rows = db
    .prepare(
      `SELECT r.exclusion_reason AS reason, count(*) AS count FROM response r
        WHERE r.status = 'excluded' AND r.question_id IN (SELECT value FROM json_each(?))
        GROUP BY r.exclusion_reason ORDER BY count DESC`,
    )
    .all(JSON.stringify(questionIds)) as { reason: string | null; count: number }[];
  return rows.map((r) => ({ label: reasonLabel(r.reason), count: r.count }));
}

/**
 * SQL columns (over response r) for the data exports: status, exclusionReason, note, and flags as a
 * "\u001f"-separated list. Empty strings where triage is absent.
 */
export function triageColumns(db: Db): string {
  const triage = hasTriage(db);
  const flags = hasTable(db, 'response_flag')
    ? '(SELECT group_concat(f.flag, char(31)) FROM response_flag f WHERE f.response_id = r.id)'
    : "''";
  return [
    triage ? 'r.status AS status' : "'' AS status",
    triage ? 'r.exclusion_reason AS exclusionReason' : 'NULL AS exclusionReason',
    hasColumn(db, 'response', 'note') ? 'r.note AS note' : 'NULL AS note',
    `${flags} AS flags`,
  ].join(', ');
}
