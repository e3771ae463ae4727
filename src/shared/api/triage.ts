import type { ResponseFilter } from './responses';

/** Where a response is in the analyst's work. "new" = nobody has opened it yet. */
export type TriageStatus = 'new' | 'read' | 'in_review' | 'done' | 'excluded';
export type ExclusionReason = 'spam' | 'duplicate' | 'out_of_scope' | 'offensive' | 'other';
export type Flag = 'follow_up' | 'notable_quote' | 'organisation' | 'safeguarding';
export type Priority = 'none' | 'low' | 'medium' | 'high';

/** The analyst's decisions on one response. */
export interface TriageState {
  status: TriageStatus;
  /** Set exactly when status is "excluded". */
  exclusionReason: ExclusionReason | null;
  priority: Priority;
  flags: Flag[];
  note: string | null;
  assignee: string | null;
}

/** A change to apply to one or many responses; fields left out stay as they are. */
export interface TriageChange {
  status?: TriageStatus;
  /** Required with status "excluded", refused with any other status. */
  exclusionReason?: ExclusionReason;
  priority?: Priority;
  addFlags?: Flag[];
  removeFlags?: Flag[];
  /** null or "" clears the note. */
  note?: string | null;
  /** null clears the assignee. */
  assignee?: string | null;
}

/**
 * What a change applies to: chosen responses, or every response a filter matches. For a filter the caller
 * passes the count it showed the user; if the set has changed since, nothing is done (CONFLICT).
 */
export type TriageTarget = { ids: number[] } | { filter: ResponseFilter; expectedCount: number };

/** One undoable action of this session. */
export interface TriageAction {
  id: number;
  description: string;
  actor: string;
  at: string;
  /** Responses it changed (responses already in the new state are not counted). */
  changed: number;
}

export interface ApplyResult {
  /** The action recorded, or null when nothing needed to change. Null too while a background job runs. */
  action: TriageAction | null;
  changed: number;
  /** Large sets are changed by a background job; its result is an ApplyResult. */
  jobId: string | null;
}

export interface UndoResult {
  /** The action undone, or null when there was nothing to undo. */
  undone: TriageAction | null;
  reverted: number;
  /** Responses changed again since (by someone else) and so left as they are. */
  skipped: number;
  /** A large undo runs as a background job; its result is an UndoResult. */
  jobId: string | null;
}

/** One entry of a response's history, from the audit log. */
export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface QuestionProgress {
  questionId: number;
  code: string;
  text: string;
  kind: string;
  total: number;
  /** Opened at least once: every status but "new". */
  read: number;
  inReview: number;
  done: number;
  excluded: number;
}

export interface SavedView {
  id: number;
  name: string;
  filter: ResponseFilter;
  createdBy: string;
  createdAt: string;
}

export interface TriageApi {
  /** Applies a decision to chosen responses or a filtered set, audited, and undoable in this session. */
  'triage.apply': { input: { target: TriageTarget; change: TriageChange }; output: ApplyResult };
  /** Marks a response read when it is opened (only if it is new). Audited; not an undo step. */
  'triage.markRead': { input: { id: number }; output: { changed: boolean } };
  /** Reverts this session's last action exactly, writing the reversal to the audit log. */
  'triage.undo': { input: void; output: UndoResult };
  /** This session's actions that can still be undone, newest first. */
  'triage.undoStack': { input: void; output: TriageAction[] };
  'triage.history': { input: { responseId: number }; output: HistoryEntry[] };
  /** Per question: how many responses are read, in review, done and excluded. */
  'triage.progress': { input: void; output: QuestionProgress[] };
  'views.list': { input: void; output: SavedView[] };
  /** Saves a filter under a name; an existing view of that name is replaced. */
  'views.save': { input: { name: string; filter: ResponseFilter }; output: SavedView };
  'views.delete': { input: { id: number }; output: null };
}
