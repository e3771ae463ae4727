import { z } from 'zod';
import type { ResponsesApi } from '../../shared/api';
import { filterObject, filterSchema } from '../../shared/filter-schema';
import { listQuestions } from '../db/queries/questions';
import { countResponses, getResponse, listResponses, responseFacets } from '../db/queries/responses';
import type { Handlers, Schemas } from './types';

/** The one filter model, validated for every call that takes it (lists, counts, bulk actions, views, the dashboard). */
export { filterSchema };

const id = z.number().int().positive();

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
