import { z } from 'zod';
import type { JobProgress, SignalsApi } from '../../shared/api';
import type {
  DetectCampaignsInput,
  DetectCampaignsResult,
  SplitCampaignInput,
  SplitCampaignResult,
} from '../analysis/campaigns/task';
import type { ScanInput, ScanResult } from '../analysis/stance/scan-task';
import { getCampaign, listCampaigns, setCampaignCounting, setCampaignStatus } from '../db/queries/campaigns';
import { listPersonalData, markPersonalData, redactedResponse } from '../db/queries/personal-data';
import {
  aggregateSignals,
  closedScales,
  responseSignals,
  setQuestionStance,
  stanceAgreement,
  stanceQuestions,
} from '../db/queries/signals';
import { runInWorker } from '../jobs/run-in-worker';
import type { Handlers, Schemas, ServiceContext } from './types';

const id = z.number().int().positive();
const status = z.enum(['proposed', 'confirmed', 'dismissed']);
const piiKind = z.enum(['email', 'phone', 'postcode', 'ni_number', 'url', 'card', 'name']);
const offset = z.number().int().min(0);
const limit = z.number().int().min(1).max(500);

export const signalsSchemas: Schemas<SignalsApi> = {
  'campaigns.detect': z.object({ questionIds: z.array(id).max(1000).optional() }),
  'campaigns.list': z.object({
    questionId: id.optional(),
    status: status.optional(),
    kind: z.enum(['campaign', 'duplicates']).optional(),
  }),
  'campaigns.get': z.object({ id, offset, limit, editedOnly: z.boolean().optional() }),
  'campaigns.setStatus': z.object({ id, status }),
  'campaigns.setCounting': z.object({ id, counting: z.enum(['one', 'all']) }),
  'campaigns.split': z.object({ id, responseIds: z.array(id).min(1).max(100_000), asNewGroup: z.boolean() }),
  'signals.scan': z.void(),
  'signals.response': z.object({ responseId: id }),
  'signals.aggregate': z.object({
    by: z.enum(['question', 'campaign']),
    questionId: id.optional(),
    view: z.enum(['responses', 'campaigns-once']),
  }),
  'pii.list': z.object({
    kind: piiKind.optional(),
    questionId: id.optional(),
    includeFalsePositives: z.boolean().optional(),
    offset,
    limit,
  }),
  'pii.mark': z
    .object({
      responseId: id,
      kind: piiKind,
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      falsePositive: z.boolean(),
    })
    .refine((m) => m.end > m.start, { message: 'end must be after start', path: ['end'] }),
  'pii.redacted': z.object({ responseId: id }),
  'stance.questions': z.void(),
  'stance.setQuestion': z.object({ questionId: id, asksStance: z.boolean() }),
  'stance.agreement': z.object({ openQuestionId: id, closedQuestionId: id }),
};

/** Starts a worker job and returns its progress at once; the UI follows it through job events. */
function startJob<I, R>(
  ctx: ServiceContext,
  kind: string,
  title: string,
  task: string,
  input: I,
  changed: string,
): JobProgress {
  const { job, done } = ctx.jobs.start({ kind, title, run: (handle) => runInWorker<R>(task, input, handle) });
  done.then(
    () => ctx.emit({ type: 'changed', what: changed }),
    () => undefined,
  );
  return job;
}

export const signalsHandlers: Handlers<SignalsApi> = {
  'campaigns.detect': (ctx, input) => {
    const project = ctx.project();
    const task: DetectCampaignsInput = { dbPath: project.path, actor: ctx.analyst(), questionIds: input.questionIds };
    return startJob<DetectCampaignsInput, DetectCampaignsResult>(
      ctx,
      'campaigns.detect',
      'Find campaigns',
      'campaigns.detect',
      task,
      'campaigns',
    );
  },
  'campaigns.list': (ctx, input) => listCampaigns(ctx.project().db, input),
  'campaigns.get': (ctx, input) => getCampaign(ctx.project().db, input.id, input.offset, input.limit, input.editedOnly),
  'campaigns.setStatus': (ctx, input) => setCampaignStatus(ctx.project().db, input.id, input.status, ctx.analyst()),
  'campaigns.setCounting': (ctx, input) =>
    setCampaignCounting(ctx.project().db, input.id, input.counting, ctx.analyst()),
  'campaigns.split': (ctx, input) => {
    const task: SplitCampaignInput = {
      dbPath: ctx.project().path,
      actor: ctx.analyst(),
      groupId: input.id,
      responseIds: input.responseIds,
      asNewGroup: input.asNewGroup,
    };
    const title = input.asNewGroup ? `Split campaign ${input.id}` : `Take responses out of campaign ${input.id}`;
    return startJob<SplitCampaignInput, SplitCampaignResult>(
      ctx,
      'campaigns.split',
      title,
      'campaigns.split',
      task,
      'campaigns',
    );
  },
  'signals.scan': (ctx) => {
    const task: ScanInput = { dbPath: ctx.project().path, actor: ctx.analyst() };
    return startJob<ScanInput, ScanResult>(
      ctx,
      'signals.scan',
      'Check for personal data, stance and sentiment',
      'signals.scan',
      task,
      'signals',
    );
  },
  'signals.response': (ctx, input) => responseSignals(ctx.project().db, input.responseId),
  'signals.aggregate': (ctx, input) => aggregateSignals(ctx.project().db, input.by, input.view, input.questionId),
  'pii.list': (ctx, input) => listPersonalData(ctx.project().db, input),
  'pii.mark': (ctx, input) => markPersonalData(ctx.project().db, input, ctx.analyst()),
  'pii.redacted': (ctx, input) => ({ text: redactedResponse(ctx.project().db, input.responseId) }),
  'stance.questions': (ctx) => ({
    questions: stanceQuestions(ctx.project().db),
    closedScales: closedScales(ctx.project().db),
  }),
  'stance.setQuestion': (ctx, input) =>
    setQuestionStance(ctx.project().db, input.questionId, input.asksStance, ctx.analyst()),
  'stance.agreement': (ctx, input) => stanceAgreement(ctx.project().db, input.openQuestionId, input.closedQuestionId),
};
