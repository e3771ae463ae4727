import { z } from 'zod';
import type { ResponseFilter, ResponsesApi } from '../../shared/api';
import { FLAGS, PRIORITIES, STATUSES } from '../../shared/triage';
import { listQuestions } from '../db/queries/questions';
import { countResponses, getResponse, listResponses, responseFacets } from '../db/queries/responses';
import type { Handlers, Schemas } from './types';

const id = z.number().int().positive();
const labels = z.array(z.string().max(200)).max(200);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');

/** The one filter model, validated here for every call that takes it (lists, counts, bulk actions, views). */
const filterObject = z.object({
  questionId: id.optional(),
  search: z.string().max(1000).optional(),
  statuses: z.array(z.enum(STATUSES)).max(STATUSES.length).optional(),
  flags: z.array(z.enum(FLAGS)).max(FLAGS.length).optional(),
  priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).optional(),
  themes: z.object({ ids: z.array(id).max(200), mode: z.enum(['any', 'all']) }).optional(),
  respondentTypes: labels.optional(),
  cities: labels.optional(),
  regions: labels.optional(),
  submittedFrom: day.optional(),
  submittedTo: day.optional(),
  answers: z
    .array(z.object({ questionId: id, options: labels }))
    .max(50)
    .optional(),
  hasPersonalData: z.boolean().optional(),
  campaign: z.enum(['member', 'unique']).optional(),
  stances: z
    .array(z.enum(['agree', 'disagree', 'mixed', 'unclear']))
    .max(4)
    .optional(),
  sentiments: z
    .array(z.enum(['positive', 'neutral', 'negative']))
    .max(3)
    .optional(),
  unread: z.boolean().optional(),
  assignee: z.string().max(200).optional(),
  notGiven: z
    .array(z.enum(['type', 'place']))
    .max(2)
    .optional(),
  coding: z
    .array(z.enum(['hand', 'model', 'none']))
    .max(3)
    .optional(),
  counting: z.enum(['responses', 'campaigns-once']).optional(),
});
export const filterSchema: z.ZodType<ResponseFilter> = filterObject;

const sortKeys = [
  'relevance',
  'respondent',
  'question',
  'type',
  'city',
  'submittedAt',
  'status',
  'priority',
  'length',
] as const;

export const responsesSchemas: Schemas<ResponsesApi> = {
  'questions.list': z.void(),
  'responses.list': filterObject.extend({
    sort: z.object({ key: z.enum(sortKeys), dir: z.enum(['asc', 'desc']) }).optional(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(1000),
  }),
  'responses.count': filterSchema,
  'responses.get': z.object({ id, search: z.string().max(1000).optional() }),
  'responses.facets': z.void(),
};

export const responsesHandlers: Handlers<ResponsesApi> = {
  'questions.list': (ctx) => listQuestions(ctx.project().db),
  'responses.list': (ctx, input) => listResponses(ctx.project().db, input),
  'responses.count': (ctx, input) => ({ total: countResponses(ctx.project().db, input) }),
  'responses.get': (ctx, input) => getResponse(ctx.project().db, input.id, input.search),
  'responses.facets': (ctx) => responseFacets(ctx.project().db),
};
