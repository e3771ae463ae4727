/** The triage vocabulary in display order, with the words the UI shows. Shared by the backend's validation and the UI. */
import type { ExclusionReason, Flag, Priority, TriageChange, TriageStatus } from './api';

export const STATUSES = ['new', 'read', 'in_review', 'done', 'excluded'] as const satisfies readonly TriageStatus[];
export const EXCLUSION_REASONS = [
  'spam',
  'duplicate',
  'out_of_scope',
  'offensive',
  'other',
] as const satisfies readonly ExclusionReason[];
export const FLAGS = ['follow_up', 'notable_quote', 'organisation', 'safeguarding'] as const satisfies readonly Flag[];
/** In order: the index is what is stored. */
export const PRIORITIES = ['none', 'low', 'medium', 'high'] as const satisfies readonly Priority[];

export const STATUS_LABELS: Record<TriageStatus, string> = {
  new: 'New',
  read: 'Read',
  in_review: 'In review',
  done: 'Done',
  excluded: 'Excluded',
};

export const REASON_LABELS: Record<ExclusionReason, string> = {
  spam: 'Spam',
  duplicate: 'Duplicate',
  out_of_scope: 'Out of scope',
  offensive: 'Offensive',
  other: 'Other reason',
};

export const FLAG_LABELS: Record<Flag, string> = {
  follow_up: 'Needs follow-up',
  notable_quote: 'Notable quote',
  organisation: 'Organisation response',
  safeguarding: 'Safeguarding concern',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  none: 'No priority',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

/** A short description of a change, for the undo list and confirmations: "Status: Excluded (Spam)". */
export function describeChange(change: TriageChange): string {
  const parts: string[] = [];
  if (change.status) {
    parts.push(
      `Status: ${STATUS_LABELS[change.status]}${change.exclusionReason ? ` (${REASON_LABELS[change.exclusionReason]})` : ''}`,
    );
  }
  if (change.priority) parts.push(`Priority: ${PRIORITY_LABELS[change.priority]}`);
  for (const f of change.addFlags ?? []) parts.push(`Flag: ${FLAG_LABELS[f]}`);
  for (const f of change.removeFlags ?? []) parts.push(`Unflag: ${FLAG_LABELS[f]}`);
  if (change.note !== undefined) parts.push(change.note ? 'Note edited' : 'Note cleared');
  if (change.assignee !== undefined) parts.push(change.assignee ? `Assigned to ${change.assignee}` : 'Unassigned');
  return parts.join('; ') || 'No change';
}
