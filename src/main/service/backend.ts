import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { ApiEvent, CallResult, Method } from '../../shared/api';
import { warmDashboard } from '../dashboard';
import { JobRunner } from '../jobs/runner';
import { AppError, errorBody } from '../util/errors';
import type { Project } from './project';
import { HANDLERS, SCHEMAS } from './registry';
import { SettingsStore } from './settings';
import type { Host, ServiceContext } from './types';

/** How long the backend must have had no call before it does work nobody is waiting for. */
const IDLE_MS = 1000;
/** The pause between parts of that work, so a call that arrives waits for one part at most. */
const STEP_MS = 20;

export interface BackendOptions {
  /** The app's data folder: settings, recent projects, the user's copy of the sample. */
  dataDir: string;
  host?: Host;
  resourcesDir?: string;
}

/** Finds resources/ by walking up from this file (works from source and from out/). */
export function defaultResourcesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'resources', 'sample'))) return join(dir, 'resources');
    dir = dirname(dir);
  }
  return resolve('resources');
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * The backend behind every front door: validates each call's input against the contract's schema, runs its
 * handler, and returns a value or a typed error. Events (job progress, project changes) go to subscribers.
 */
export class Backend {
  readonly ctx: ServiceContext;
  private project: Project | null = null;
  private readonly listeners = new Set<(event: ApiEvent) => void>();
  private callsRunning = 0;
  private warmWanted = false;
  private warmTimer: ReturnType<typeof setTimeout> | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(options: BackendOptions) {
    const settings = new SettingsStore(options.dataDir);
    const emit = (event: ApiEvent): void => {
      for (const listener of this.listeners) listener(event);
      // A job that changed the data (an import, an analysis) leaves the Dashboard's facts to read again.
      if (event.type === 'job' && event.job.state === 'done') this.wantWarm();
    };
    const jobs = new JobRunner(emit);
    this.ctx = {
      settings,
      jobs,
      host: options.host ?? {},
      resourcesDir: options.resourcesDir ?? defaultResourcesDir(),
      project: () => {
        if (!this.project) throw new AppError('NO_PROJECT', 'No project is open. Open or create a project first.');
        return this.project;
      },
      currentProject: () => this.project,
      setProject: (p) => {
        this.project = p;
        if (p) this.wantWarm();
      },
      emit,
      analyst: () => settings.get().analystName,
    };
  }

  async call(method: string, input: unknown): Promise<CallResult<unknown>> {
    if (!Object.hasOwn(HANDLERS, method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no call named ${method}.` } };
    }
    const m = method as Method;
    const parsed = SCHEMAS[m].safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `Invalid input for ${method}: ${describeZodError(parsed.error)}`,
          details: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
        },
      };
    }
    this.callsRunning++;
    try {
      const handler = HANDLERS[m] as (ctx: ServiceContext, input: unknown) => unknown;
      const value = await handler(this.ctx, parsed.data);
      return { ok: true, value: value ?? null };
    } catch (error) {
      return { ok: false, error: errorBody(error) };
    } finally {
      this.callsRunning--;
      this.scheduleWarm();
    }
  }

  /**
   * Reads the Dashboard's facts once the backend has been idle for a moment after a project opens or a job
   * changes its data, a part at a time (a third of a second at most, at a million responses), so the first
   * visit to the Dashboard does not wait for them. Not after every write: triage must never wait behind it.
   */
  private wantWarm(): void {
    this.warmWanted = true;
    this.scheduleWarm();
  }

  private scheduleWarm(delay = IDLE_MS): void {
    if (!this.warmWanted) return;
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => {
      this.warmTimer = null;
      if (this.callsRunning) return this.scheduleWarm();
      const db = this.project?.db;
      let more = false;
      try {
        more = db?.open ? warmDashboard(db) : false;
      } catch {
        // Nobody asked for these yet: the chart that does will read them again and report any error.
      }
      // A part at a time, letting any call that arrived meanwhile go first.
      if (more) this.scheduleWarm(STEP_MS);
      else this.warmDone();
    }, delay);
    this.warmTimer.unref?.();
  }

  private warmDone(): void {
    this.warmWanted = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Resolves once no background reading of the Dashboard's facts is wanted (for tests and the CLI to wait on). */
  whenIdle(): Promise<void> {
    if (!this.warmWanted) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  subscribe(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmDone();
    this.ctx.jobs.cancelAll();
    await this.ctx.jobs.settle();
    this.project?.close();
    this.project = null;
  }
}
