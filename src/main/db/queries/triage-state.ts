import type { TriageState } from '../../../shared/api';

/**
 * A response's triage state as one canonical JSON text (fixed key order, flags sorted), computed in SQL for
 * `response r`. Being canonical, two states compare equal as text, which is how undo knows a response is
 * still as an action left it, and how an action skips responses already in the wanted state.
 */
/** The stored priority number of `r` as its name. */
export const PRIORITY_NAME = 'json_extract(\'["none","low","medium","high"]\', \'$[\' || r.priority || \']\')';

export const FLAGS_SQL =
  '(SELECT json_group_array(flag) FROM (SELECT flag FROM response_flag WHERE response_id = r.id ORDER BY flag))';

export function stateSql(parts: {
  status: string;
  reason: string;
  priority: string;
  flags: string;
  note: string;
  assignee: string;
}): string {
  return `json_object('status', ${parts.status}, 'exclusionReason', ${parts.reason}, 'priority', ${parts.priority},
    'flags', json(${parts.flags}), 'note', ${parts.note}, 'assignee', ${parts.assignee})`;
}

export const STATE_SQL = stateSql({
  status: 'r.status',
  reason: 'r.exclusion_reason',
  priority: PRIORITY_NAME,
  flags: FLAGS_SQL,
  note: 'r.note',
  assignee: 'r.assignee',
});

/** The SQL that turns the priority name in a state (JSON at `json`) back into the stored number. */
export const priorityFromState = (json: string): string =>
  `CASE json_extract(${json}, '$.priority') WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 ELSE 0 END`;

export function readState(json: string): TriageState {
  return JSON.parse(json) as TriageState;
}
