import { CHART_IDS } from '../../shared/constants';
import { z } from 'zod';
import type { DashboardApi } from '../../shared/api';
import { dashboardChart, dashboardCount, dashboardMeta } from '../dashboard';
import { filterSchema as filter } from './responses-handlers';
import type { Handlers, Schemas } from './types';

const id = z.number().int().positive();
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
