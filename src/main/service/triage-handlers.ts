import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ApplyResult, TriageApi, TriageChange, TriageTarget, UndoResult } from '../../shared/api';
import { describeChange, EXCLUSION_REASONS, FLAGS, PRIORITIES, STATUSES } from '../../shared/triage';
import type { Db } from '../db/connection';
import { countResponses } from '../db/queries/responses';
import {
  applyChange,
  deleteView,
  lastUndoable,
  listViews,
  markRead,
  progressByQuestion,
  responseHistory,
  saveView,
  undoAction,
  undoStack,
} from '../db/queries/triage';
import { runInWorker } from '../jobs/run-in-worker';
import type { ApplyJobInput, UndoJobInput } from '../triage/tasks';
import { AppError } from '../util/errors';
import { filterSchema } from './responses-handlers';
import type { Handlers, Schemas, ServiceContext } from './types';

/** Changes up to this many responses run at once (~100 ms); more go to a background job. */
export const INLINE_LIMIT = 1_000;

const id = z.number().int().positive();

const changeSchema: z.ZodType<TriageChange> = z
  .object({
    status: z.enum(STATUSES).optional(),
    exclusionReason: z.enum(EXCLUSION_REASONS).optional(),
    priority: z.enum(PRIORITIES).optional(),
    addFlags: z.array(z.enum(FLAGS)).max(FLAGS.length).optional(),
    removeFlags: z.array(z.enum(FLAGS)).max(FLAGS.length).optional(),
    note: z.string().max(20_000).nullable().optional(),
    assignee: z.string().trim().max(200).nullable().optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'The change is empty: say what to set.')
  .refine((c) => (c.status === 'excluded') === (c.exclusionReason !== undefined), {
    message:
      'Excluding a response needs a reason (spam, duplicate, out of scope, offensive or other), and only exclusion takes one.',
    path: ['exclusionReason'],
  })
  .refine((c) => !(c.addFlags ?? []).some((f) => (c.removeFlags ?? []).includes(f)), {
    message: 'A flag cannot be added and removed at once.',
    path: ['addFlags'],
  });

const targetSchema: z.ZodType<TriageTarget> = z.union([
  z.object({ ids: z.array(id).min(1).max(INLINE_LIMIT) }),
  z.object({ filter: filterSchema, expectedCount: z.number().int().min(0) }),
]);

export const triageSchemas: Schemas<TriageApi> = {
  'triage.apply': z.object({ target: targetSchema, change: changeSchema }),
  'triage.markRead': z.object({ id }),
  'triage.undo': z.void(),
  'triage.undoStack': z.void(),
  'triage.history': z.object({ responseId: id }),
  'triage.progress': z.void(),
  'views.list': z.void(),
  'views.save': z.object({ name: z.string().trim().min(1, 'Give the view a name.').max(100), filter: filterSchema }),
  'views.delete': z.object({ id }),
};

/** Per open project: this session's id (undo is per session) and the background change running, if any. */
interface Session {
  id: string;
  runningJob: string | null;
}
const sessions = new WeakMap<Db, Session>();

function session(db: Db): Session {
  let s = sessions.get(db);
  if (!s) {
    s = { id: randomUUID(), runningJob: null };
    sessions.set(db, s);
  }
  return s;
}

function notBusy(s: Session): void {
  if (s.runningJob) {
    throw new AppError(
      'CONFLICT',
      'A change to many responses is still running. Wait for it to finish (or cancel it), then try again.',
      {
        jobId: s.runningJob,
      },
    );
  }
}

/** Runs a large change as a background job; the session stays busy until it ends. */
function inBackground<T>(
  ctx: ServiceContext,
  s: Session,
  kind: string,
  title: string,
  run: Parameters<typeof runInWorker>[0],
  input: unknown,
): string {
  const { job, done } = ctx.jobs.start({ kind, title, run: (handle) => runInWorker<T>(run, input, handle) });
  s.runningJob = job.id;
  const finished = (): void => {
    s.runningJob = null;
    ctx.emit({ type: 'changed', what: 'triage' });
  };
  done.then(finished, finished);
  return job.id;
}

function targetSize(db: Db, target: TriageTarget): { size: number; what: string } {
  if ('ids' in target) {
    const n = new Set(target.ids).size;
    return { size: n, what: n === 1 ? 'one response' : `${n.toLocaleString('en-GB')} selected responses` };
  }
  const size = countResponses(db, target.filter);
  if (size !== target.expectedCount) {
    throw new AppError(
      'CONFLICT',
      `The filtered set has changed: it now holds ${size.toLocaleString('en-GB')} responses, not the ${target.expectedCount.toLocaleString('en-GB')} you confirmed. Nothing was changed; check the set and confirm again.`,
      { count: size },
    );
  }
  return { size, what: `${size.toLocaleString('en-GB')} filtered responses` };
}

function apply(ctx: ServiceContext, input: TriageApi['triage.apply']['input']): ApplyResult {
  const project = ctx.project();
  const s = session(project.db);
  notBusy(s);
  const { size, what } = targetSize(project.db, input.target);
  const description = `${describeChange(input.change)} — ${what}`;
  if (size > INLINE_LIMIT) {
    const job: ApplyJobInput = { dbPath: project.path, session: s.id, actor: ctx.analyst(), ...input, description };
    return { action: null, changed: 0, jobId: inBackground(ctx, s, 'triage.apply', description, 'triage.apply', job) };
  }
  const action = applyChange(project.db, input.target, input.change, description, {
    session: s.id,
    actor: ctx.analyst(),
  });
  ctx.emit({ type: 'changed', what: 'triage' });
  return { action, changed: action?.changed ?? 0, jobId: null };
}

function undo(ctx: ServiceContext): UndoResult {
  const project = ctx.project();
  const s = session(project.db);
  notBusy(s);
  const action = lastUndoable(project.db, s.id);
  if (!action) return { undone: null, reverted: 0, skipped: 0, jobId: null };
  if (action.changed > INLINE_LIMIT) {
    const job: UndoJobInput = { dbPath: project.path, session: s.id, actor: ctx.analyst(), action };
    return {
      undone: null,
      reverted: 0,
      skipped: 0,
      jobId: inBackground(ctx, s, 'triage.undo', `Undo: ${action.description}`, 'triage.undo', job),
    };
  }
  const result = undoAction(project.db, action, { session: s.id, actor: ctx.analyst() });
  ctx.emit({ type: 'changed', what: 'triage' });
  return { undone: action, ...result, jobId: null };
}

export const triageHandlers: Handlers<TriageApi> = {
  'triage.apply': (ctx, input) => apply(ctx, input),
  'triage.markRead': (ctx, input) => {
    const db = ctx.project().db;
    // While a background change holds the file, opening a response must not wait for it.
    if (session(db).runningJob) return { changed: false };
    return { changed: markRead(db, input.id, ctx.analyst()) };
  },
  'triage.undo': (ctx) => undo(ctx),
  'triage.undoStack': (ctx) => {
    const db = ctx.project().db;
    return undoStack(db, session(db).id);
  },
  'triage.history': (ctx, input) => responseHistory(ctx.project().db, input.responseId),
  'triage.progress': (ctx) => progressByQuestion(ctx.project().db),
  'views.list': (ctx) => listViews(ctx.project().db),
  'views.save': (ctx, input) => saveView(ctx.project().db, input.name, input.filter, ctx.analyst()),
  'views.delete': (ctx, input) => {
    deleteView(ctx.project().db, input.id);
    return null;
  },
};
