import { CHART_IDS } from '../../shared/constants';
import { z } from 'zod';
import type { DashboardApi, DashboardFilter } from '../../shared/api';
import { dashboardChart, dashboardCount, dashboardMeta } from '../dashboard';
import type { Handlers, Schemas } from './types';

const id = z.number().int().positive();
const labels = z.array(z.string().max(200)).max(200);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');

/** The fields of the Responses area's filter the dashboard uses, with its limits (issue 4's filterSchema replaces it at merge). */
const filter: z.ZodType<DashboardFilter> = z.object({
  questionId: id.optional(),
  search: z.string().max(1000).optional(),
  respondentTypes: labels.optional(),
  cities: labels.optional(),
  submittedFrom: day.optional(),
  submittedTo: day.optional(),
  answers: z
    .array(z.object({ questionId: id, options: labels }))
    .max(50)
    .optional(),
  themes: z.object({ ids: z.array(id).max(200), mode: z.enum(['any', 'all']) }).optional(),
  campaign: z.enum(['member', 'unique']).optional(),
});
const counting = z.enum(['responses', 'campaigns-once']);

export const dashboardSchemas: Schemas<DashboardApi> = {
  'dashboard.meta': z.void(),
  'dashboard.chart': z.object({
    chart: z.enum(CHART_IDS),
    filter,
    counting,
    closedQuestionId: id.optional(),
    bucket: z.enum(['day', 'week']).optional(),
  }),
  'dashboard.count': z.object({ filter, counting }),
};

export const dashboardHandlers: Handlers<DashboardApi> = {
  'dashboard.meta': (ctx) => dashboardMeta(ctx.project().db),
  'dashboard.chart': (ctx, input) => dashboardChart(ctx.project().db, input),
  'dashboard.count': (ctx, input) => dashboardCount(ctx.project().db, input.filter, input.counting),
};
