import type { ChartRequest, ChartResult, CountingView, DashboardFilter, DashboardMeta } from '../../shared/api';
import type { Db } from '../db/connection';
import { cached } from './cache';
import { closedAnswers, closedByType } from './closed';
import { chartContext, type ChartContext } from './common';
import { respondentsWhere, responsesWhere, withSearchErrors } from './filter';
import { focusPlaces } from './places';
import { progress } from './progress';
import { respondentsByPlace, respondentsByType } from './respondents';
import { campaignsDetected, dashboardSchema, themesAssigned } from './schema';
import { sentimentByTheme, stanceByTheme, themesByPlace, themesByType, themesChart } from './themes';
import { overTime } from './time';

const CHARTS: Record<ChartRequest['chart'], (ctx: ChartContext, req: ChartRequest) => ChartResult> = {
  themes: themesChart,
  themesByType,
  themesByPlace,
  stanceByTheme,
  sentimentByTheme,
  closed: (ctx, req) => closedAnswers(ctx, req.closedQuestionId),
  closedByType: (ctx, req) => closedByType(ctx, req.closedQuestionId),
  overTime: (ctx, req) => overTime(ctx, req.bucket ?? 'week'),
  progress,
  respondentsByType,
  respondentsByPlace,
};

/** One chart's numbers, counted in SQL for the filter and counting view (or as last counted, if nothing has changed since). */
export function dashboardChart(db: Db, req: ChartRequest): ChartResult {
  return cached(db, `chart:${JSON.stringify(req)}`, () =>
    withSearchErrors(req.filter, () => CHARTS[req.chart](chartContext(db, req.filter, req.counting), req)),
  );
}

export function dashboardMeta(db: Db): DashboardMeta {
  const schema = dashboardSchema(db);
  const span = db
    .prepare(
      'SELECT substr(min(submitted_at), 1, 10) AS "from", substr(max(submitted_at), 1, 10) AS "to" FROM respondent',
    )
    .get() as {
    from: string | null;
    to: string | null;
  };
  return {
    available: {
      themes: themesAssigned(db),
      campaigns: campaignsDetected(db),
      // Stance is available once a scan has produced it, not merely once its table exists.
      stance: schema.stance && db.prepare('SELECT 1 FROM response_signal LIMIT 1').get() !== undefined,
      triage: schema.triage,
    },
    submitted: span.from && span.to ? { from: span.from, to: span.to } : null,
    focusPlaces: focusPlaces(db),
  };
}

/** What a bar's filter opens: its respondents (what the bar counts) and their responses. */
export function dashboardCount(
  db: Db,
  filter: DashboardFilter,
  counting: CountingView,
): { respondents: number; responses: number } {
  return cached(db, `count:${JSON.stringify([filter, counting])}`, () =>
    withSearchErrors(filter, () => {
      const { view } = chartContext(db, filter, counting);
      const people = respondentsWhere(view);
      const answers = responsesWhere(view);
      return {
        respondents: db
          .prepare(`SELECT count(*) FROM respondent p WHERE ${people.sql}`)
          .pluck()
          .get(...people.params) as number,
        responses: db
          .prepare(
            `SELECT count(*) FROM response r${answers.needsRespondent ? ' JOIN respondent p ON p.id = r.respondent_id' : ''} WHERE ${answers.sql}`,
          )
          .pluck()
          .get(...answers.params) as number,
      };
    }),
  );
}
