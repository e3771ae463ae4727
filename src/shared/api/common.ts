/** Types every part of the contract uses. No runtime dependencies: this file is shared by every process. */

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_METHOD'
  | 'NO_PROJECT'
  | 'NOT_A_PROJECT'
  | 'NEWER_VERSION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNSUPPORTED'
  | 'CANCELLED'
  | 'BAD_FILE'
  | 'INTERNAL';

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field paths for INVALID_INPUT, a file and row for BAD_FILE, and so on. */
  details?: Record<string, unknown>;
}

/** What every transport carries back for a call: a value or a typed error, never a thrown exception. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  id: string;
  kind: string;
  /** A short human description of the job: "Import responses.csv". */
  title: string;
  state: JobState;
  /** What it is doing now: "Reading rows", "Clustering". */
  phase: string;
  done: number;
  /** null while the total is unknown. */
  total: number | null;
  /** Milliseconds since the job started. */
  elapsedMs: number;
  /** Estimated milliseconds left, null when unknown. */
  etaMs: number | null;
  error?: ApiErrorBody;
  /** The job's result once done; its shape depends on kind. */
  result?: unknown;
}

export type ApiEvent =
  | { type: 'job'; job: JobProgress }
  | { type: 'project'; project: ProjectSummary | null }
  | { type: 'changed'; what: string };

export interface ProjectSummary {
  path: string;
  title: string;
  /** True for the bundled sample consultation. */
  isSample: boolean;
  schemaVersion: number;
}
