import { z } from 'zod';
import type { ResponsesApi } from '../../shared/api';
import { listQuestions } from '../db/queries/questions';
import { getResponse, listResponses, responseFacets } from '../db/queries/responses';
import type { Handlers, Schemas } from './types';

const id = z.number().int().positive();
const labels = z.array(z.string().max(200)).max(100);

export const responsesSchemas: Schemas<ResponsesApi> = {
  'questions.list': z.void(),
  'responses.list': z.object({
    questionId: id.optional(),
    search: z.string().max(1000).optional(),
    respondentTypes: labels.optional(),
    cities: labels.optional(),
    sort: z
      .object({
        key: z.enum(['respondent', 'question', 'type', 'city', 'submittedAt', 'length']),
        dir: z.enum(['asc', 'desc']),
      })
      .optional(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(1000),
  }),
  'responses.get': z.object({ id }),
  'responses.facets': z.void(),
};

export const responsesHandlers: Handlers<ResponsesApi> = {
  'questions.list': (ctx) => listQuestions(ctx.project().db),
  'responses.list': (ctx, input) => listResponses(ctx.project().db, input),
  'responses.get': (ctx, input) => getResponse(ctx.project().db, input.id),
  'responses.facets': (ctx) => responseFacets(ctx.project().db),
};
