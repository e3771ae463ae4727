import { z } from 'zod';
import type { Agreement, AssignmentView, ThemeResponse, ThemesApi } from '../../shared/api';
import { phraseMatcher } from '../analysis/evidence';
import type { ClassifyTaskInput, DiscoverTaskInput } from '../analysis/tasks';
import { TextAnalyser } from '../analysis/text';
import type { Db } from '../db/connection';
import {
  assignByAnalyst,
  decideProposals,
  responseAssignments,
  reviewQueue,
  themeAssignments,
  unassignByAnalyst,
  type AssignmentRecord,
} from '../db/queries/assignments';
import { latestRun } from '../db/queries/runs';
import {
  createTheme,
  deleteTheme,
  getTheme,
  listThemes,
  mergeThemes,
  requireQuestion,
  setRules,
  splitTheme,
  updateTheme,
} from '../db/queries/themes';
import { runInWorker } from '../jobs/run-in-worker';
import { AppError } from '../util/errors';
import { buildCodebook, codebookToQdc, importCodebook, parseCodebook } from './codebook';
import type { Handlers, Schemas, ServiceContext } from './types';

const id = z.number().int().positive();
const ids = z.array(id).min(1).max(100_000);
const name = z.string().trim().min(1, 'A theme needs a name.').max(200);
const page = { offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) };
const rule = z.array(z.string().trim().min(1).max(200)).min(1).max(50);
const state = z.enum(['proposed', 'accepted', 'rejected']);

export const themesSchemas: Schemas<ThemesApi> = {
  'themes.discover': z.object({
    questionId: id,
    themes: z.union([z.literal('auto'), z.number().int().min(2).max(30)]),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .optional(),
    otherOnly: z.boolean().optional(),
  }),
  'themes.list': z.object({ questionId: id }),
  'themes.responses': z.object({ themeId: id, states: z.array(state).min(1).max(3).optional(), ...page }),
  'themes.create': z.object({
    questionId: id,
    name,
    description: z.string().max(5000).optional(),
    parentId: id.nullable().optional(),
  }),
  'themes.update': z.object({
    themeId: id,
    name: name.optional(),
    description: z.string().max(5000).optional(),
    status: z.enum(['candidate', 'accepted']).optional(),
    parentId: id.nullable().optional(),
  }),
  'themes.delete': z.object({ themeId: id }),
  'themes.merge': z.object({ targetId: id, sourceIds: z.array(id).min(1).max(100) }),
  'themes.split': z.object({ themeId: id, name, responseIds: ids }),
  'themes.setRules': z.object({ themeId: id, rules: z.array(rule).max(20) }),
  'themes.assign': z.object({ responseIds: ids, themeId: id }),
  'themes.unassign': z.object({ responseIds: ids, themeId: id }),
  'themes.ofResponse': z.object({ responseId: id }),
  'themes.decide': z.object({
    decision: z.enum(['accept', 'reject']),
    assignmentIds: z.array(id).min(1).max(100_000).optional(),
    themeId: id.optional(),
    minConfidence: z.number().min(0).max(1).optional(),
  }),
  'themes.review': z.object({ questionId: id, ...page }),
  'themes.classify': z.object({
    questionId: id,
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .optional(),
  }),
  'themes.agreement': z.object({ questionId: id }),
  'themes.exportCodebook': z.object({ questionId: id, format: z.enum(['json', 'qdc']) }),
  'themes.importCodebook': z.object({ questionId: id, content: z.string().min(1).max(5_000_000) }),
};

/** One analyser for highlighting evidence: it caches stems, and evidence is asked for a page at a time. */
const analyser = new TextAnalyser();

/** The words behind an assignment, located in the text: stored terms for model and rule decisions, the theme's keywords for discovery. */
function evidenceFor(record: AssignmentRecord, text: string, keywords: string[]): AssignmentView['evidence'] {
  const stored = record.evidence ? (JSON.parse(record.evidence) as { terms?: string[] }) : null;
  const phrases = stored?.terms ?? (record.source === 'model' ? keywords : []);
  return phrases.length ? phraseMatcher(analyser, phrases).find(text) : [];
}

function withEvidence(db: Db, records: AssignmentRecord[]): ThemeResponse[] {
  if (records.length === 0) return [];
  const responses = new Map(
    (
      db
        .prepare(
          `SELECT r.id, r.text, p.external_id AS externalId FROM response r JOIN respondent p ON p.id = r.respondent_id
            WHERE r.id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(records.map((r) => r.responseId))) as { id: number; text: string; externalId: string }[]
    ).map((r) => [r.id, r]),
  );
  const keywords = new Map<number, string[]>();
  for (const r of records) {
    if (!keywords.has(r.themeId))
      keywords.set(
        r.themeId,
        JSON.parse(db.prepare('SELECT keywords FROM theme WHERE id = ?').pluck().get(r.themeId) as string) as string[],
      );
  }
  return records.map((r) => {
    const response = responses.get(r.responseId)!;
    return {
      responseId: r.responseId,
      respondentExternalId: response.externalId,
      text: response.text,
      assignment: { ...r, evidence: evidenceFor(r, response.text, keywords.get(r.themeId)!) },
    };
  });
}

function openQuestion(db: Db, questionId: number): void {
  const q = requireQuestion(db, questionId);
  if (q.kind !== 'open')
    throw new AppError(
      'INVALID_INPUT',
      `Question ${q.code} is not an open question: themes are found in free-text answers.`,
    );
}

/** Starts a theme job in a worker; the UI hears of the result through the job and a "changed" event. */
function startJob<T>(
  ctx: ServiceContext,
  kind: string,
  title: string,
  task: string,
  input: unknown,
): { jobId: string } {
  const { job, done } = ctx.jobs.start({ kind, title, run: (handle) => runInWorker<T>(task, input, handle) });
  done.then(
    () => ctx.emit({ type: 'changed', what: 'themes' }),
    () => undefined,
  );
  return { jobId: job.id };
}

function agreementOf(db: Db, questionId: number): Agreement | null {
  const run = latestRun(db, questionId, 'classify');
  return (run?.quality.agreement as Agreement | undefined) ?? null;
}

export const themesHandlers: Handlers<ThemesApi> = {
  'themes.discover': (ctx, input) => {
    const project = ctx.project();
    openQuestion(project.db, input.questionId);
    const taskInput: DiscoverTaskInput = {
      dbPath: project.path,
      questionId: input.questionId,
      themes: input.themes,
      seed: input.seed ?? 1,
      otherOnly: input.otherOnly ?? false,
      actor: ctx.analyst(),
    };
    const title = input.otherOnly ? 'Re-cluster "Other / unclear"' : 'Discover themes';
    return startJob(ctx, 'themes.discover', title, 'themes.discover', taskInput);
  },
  'themes.list': (ctx, input) => {
    const db = ctx.project().db;
    requireQuestion(db, input.questionId);
    return {
      questionId: input.questionId,
      responses: db
        .prepare('SELECT count(*) FROM response WHERE question_id = ?')
        .pluck()
        .get(input.questionId) as number,
      themes: listThemes(db, input.questionId),
      discovery: latestRun(db, input.questionId, 'discover'),
      classification: latestRun(db, input.questionId, 'classify'),
    };
  },
  'themes.responses': (ctx, input) => {
    const db = ctx.project().db;
    getTheme(db, input.themeId);
    const { total, rows } = themeAssignments(
      db,
      input.themeId,
      input.states ?? ['accepted', 'proposed'],
      input.offset,
      input.limit,
    );
    return { total, offset: input.offset, rows: withEvidence(db, rows) };
  },
  'themes.create': (ctx, input) => {
    const db = ctx.project().db;
    openQuestion(db, input.questionId);
    return createTheme(
      db,
      {
        questionId: input.questionId,
        name: input.name,
        description: input.description,
        parentId: input.parentId ?? null,
      },
      ctx.analyst(),
    );
  },
  'themes.update': (ctx, input) => {
    const { themeId, ...patch } = input;
    return updateTheme(ctx.project().db, themeId, patch, ctx.analyst());
  },
  'themes.delete': (ctx, input) => ({
    deletedAssignments: deleteTheme(ctx.project().db, input.themeId, ctx.analyst()),
  }),
  'themes.merge': (ctx, input) => mergeThemes(ctx.project().db, input.targetId, input.sourceIds, ctx.analyst()),
  'themes.split': (ctx, input) =>
    splitTheme(ctx.project().db, input.themeId, input.name, input.responseIds, ctx.analyst()),
  'themes.setRules': (ctx, input) => setRules(ctx.project().db, input.themeId, input.rules, ctx.analyst()),
  'themes.assign': (ctx, input) => ({
    changed: assignByAnalyst(ctx.project().db, input.responseIds, input.themeId, ctx.analyst()),
  }),
  'themes.unassign': (ctx, input) => ({
    changed: unassignByAnalyst(ctx.project().db, input.responseIds, input.themeId, ctx.analyst()),
  }),
  'themes.ofResponse': (ctx, input) => {
    const db = ctx.project().db;
    const questionId = db.prepare('SELECT question_id FROM response WHERE id = ?').pluck().get(input.responseId) as
      number | undefined;
    if (questionId === undefined) throw new AppError('NOT_FOUND', `There is no response ${input.responseId}.`);
    return {
      assignments: withEvidence(db, responseAssignments(db, input.responseId)).map((r) => r.assignment),
      themes: listThemes(db, questionId),
    };
  },
  'themes.decide': (ctx, input) => ({
    changed: decideProposals(
      ctx.project().db,
      input.decision,
      { assignmentIds: input.assignmentIds, themeId: input.themeId, minConfidence: input.minConfidence },
      ctx.analyst(),
    ),
  }),
  'themes.review': (ctx, input) => {
    const db = ctx.project().db;
    const { total, rows } = reviewQueue(db, input.questionId, input.offset, input.limit);
    return { total, rows: withEvidence(db, rows) };
  },
  'themes.classify': (ctx, input) => {
    const project = ctx.project();
    openQuestion(project.db, input.questionId);
    const taskInput: ClassifyTaskInput = {
      dbPath: project.path,
      questionId: input.questionId,
      seed: input.seed ?? 1,
      actor: ctx.analyst(),
    };
    return startJob(ctx, 'themes.classify', 'Classify responses', 'themes.classify', taskInput);
  },
  'themes.agreement': (ctx, input) => agreementOf(ctx.project().db, input.questionId),
  'themes.exportCodebook': (ctx, input) => {
    const db = ctx.project().db;
    const book = buildCodebook(db, input.questionId);
    const code = requireQuestion(db, input.questionId).code;
    return input.format === 'json'
      ? { fileName: `codebook-${code}.json`, content: `${JSON.stringify(book, null, 2)}\n` }
      : { fileName: `codebook-${code}.qdc`, content: codebookToQdc(book) };
  },
  'themes.importCodebook': (ctx, input) => {
    const db = ctx.project().db;
    openQuestion(db, input.questionId);
    return importCodebook(db, input.questionId, parseCodebook(input.content), ctx.analyst());
  },
};
