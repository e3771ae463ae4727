import { randomUUID } from 'node:crypto';
import type { ApiEvent, JobProgress } from '../../shared/api';
import { AppError, errorBody } from '../util/errors';

/** What a running job can do: say how far it is, and notice it was cancelled. */
export interface JobHandle {
  readonly signal: AbortSignal;
  progress(phase: string, done: number, total: number | null): void;
}

export interface JobSpec<T> {
  kind: string;
  title: string;
  run: (job: JobHandle) => Promise<T>;
}

const EMIT_INTERVAL_MS = 100;
const KEEP_FINISHED = 20;

/** Runs long operations, reports their progress as events (at most ten a second) and cancels them. */
export class JobRunner {
  private readonly jobs = new Map<
    string,
    { progress: JobProgress; controller: AbortController; done: Promise<unknown> }
  >();

  constructor(private readonly emit: (event: ApiEvent) => void) {}

  start<T>(spec: JobSpec<T>): { job: JobProgress; done: Promise<T> } {
    const id = randomUUID();
    const controller = new AbortController();
    const startedAt = Date.now();
    const progress: JobProgress = {
      id,
      kind: spec.kind,
      title: spec.title,
      state: 'running',
      phase: 'Starting',
      done: 0,
      total: null,
      elapsedMs: 0,
      etaMs: null,
    };
    let lastEmit = 0;
    const publish = (force: boolean): void => {
      const now = Date.now();
      if (!force && now - lastEmit < EMIT_INTERVAL_MS) return;
      lastEmit = now;
      progress.elapsedMs = now - startedAt;
      this.emit({ type: 'job', job: { ...progress } });
    };
    const handle: JobHandle = {
      signal: controller.signal,
      progress: (phase, done, total) => {
        const phaseChanged = phase !== progress.phase;
        progress.phase = phase;
        progress.done = done;
        progress.total = total;
        const elapsed = Date.now() - startedAt;
        progress.etaMs = total && done > 0 && done < total ? Math.round((elapsed / done) * (total - done)) : null;
        publish(phaseChanged);
      },
    };
    const done = (async () => {
      publish(true);
      try {
        const result = await spec.run(handle);
        if (controller.signal.aborted)
          throw new AppError('CANCELLED', `${spec.title} was cancelled; nothing was changed.`);
        progress.state = 'done';
        progress.result = result;
        progress.etaMs = 0;
        return result;
      } catch (error) {
        const body = controller.signal.aborted
          ? { code: 'CANCELLED' as const, message: `${spec.title} was cancelled; nothing was changed.` }
          : errorBody(error);
        progress.state = body.code === 'CANCELLED' ? 'cancelled' : 'failed';
        progress.error = body;
        throw new AppError(body.code, body.message, body.details);
      } finally {
        publish(true);
        this.prune();
      }
    })();
    // Callers that only watch events must not see an unhandled rejection.
    done.catch(() => undefined);
    this.jobs.set(id, { progress, controller, done });
    return { job: { ...progress }, done };
  }

  cancel(id: string): boolean {
    const entry = this.jobs.get(id);
    if (!entry || entry.progress.state !== 'running') return false;
    entry.controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const id of this.jobs.keys()) this.cancel(id);
  }

  list(): JobProgress[] {
    return [...this.jobs.values()].map((j) => ({ ...j.progress }));
  }

  /** Waits for every running job to settle (used before closing a project). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.jobs.values()].map((j) => j.done));
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.progress.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
