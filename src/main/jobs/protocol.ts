/** Messages between the main thread and a job's worker thread. */
export type ToWorker = { type: 'run'; task: string; input: unknown; cancelFlag: SharedArrayBuffer };

export type FromWorker =
  | { type: 'progress'; phase: string; done: number; total: number | null }
  | { type: 'done'; result: unknown }
  | { type: 'error'; code: string; message: string; details?: Record<string, unknown> };

/** What a task running in a worker receives. */
export interface TaskContext {
  progress(phase: string, done: number, total: number | null): void;
  /** Cheap enough to call every row: reads a shared flag the main thread sets. */
  cancelled(): boolean;
}

export type Task = (input: unknown, ctx: TaskContext) => Promise<unknown> | unknown;
