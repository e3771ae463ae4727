import type { ChartRequest, ChartResult, CountingView, DashboardFilter, DashboardMeta } from '../../shared/api';
import { withSearchErrors } from '../db/queries/response-filter';
import type { Db } from '../db/connection';
import { dayString } from '../util/uk-time';
import { cached, isCached } from './cache';
import { closedAnswers, closedByType } from './closed';
import type { ChartContext } from './common';
import { loadFacts, nextUnread, NO_DAY, type Facts } from './facts';
import { focusPlaces } from './places';
import { progress } from './progress';
import { respondentsByPlace, respondentsByType } from './respondents';
import { sentimentByTheme, stanceByTheme, themesByPlace, themesByType, themesChart } from './themes';
import { overTime } from './time';
import { selectView, type View } from './view';

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

/** The facts as of the data's current version, loaded when anything has changed. */
const facts = (db: Db): Facts => cached(db, 'facts', '', () => loadFacts(db));

/**
 * Reads one more part of the facts the charts will want (for idle moments, a part at a time so a call never
 * waits long behind it): the facts every chart needs if the data has changed, else a question's part.
 * False when there is nothing left to read.
 */
export function warmDashboard(db: Db): boolean {
  if (!factsRead(db)) {
    facts(db);
    return true;
  }
  const read = nextUnread(facts(db));
  read?.();
  return read !== null;
}

const factsRead = (db: Db): boolean => isCached(db, 'facts', '');

/** Whether every part of the facts the charts may want is in memory, for the data as it is now. */
export const dashboardWarm = (db: Db): boolean => factsRead(db) && nextUnread(facts(db)) === null;

/** The responses and respondents in view: the same for every chart of one view, so selected once. */
function view(db: Db, filter: DashboardFilter, counting: CountingView): View {
  const { counting: _own, ...rest } = filter;
  return cached(db, 'view', JSON.stringify([rest, counting]), () =>
    withSearchErrors(filter, () => selectView(db, facts(db), rest, counting)),
  );
}

/** One chart's numbers for the filter and counting view (or as last counted, if nothing has changed since). */
export function dashboardChart(db: Db, req: ChartRequest): ChartResult {
  return cached(db, 'chart', JSON.stringify(req), () =>
    CHARTS[req.chart](
      { db, facts: facts(db), filter: req.filter, counting: req.counting, view: view(db, req.filter, req.counting) },
      req,
    ),
  );
}

export function dashboardMeta(db: Db): DashboardMeta {
  const f = facts(db);
  let from = Infinity;
  let to = -Infinity;
  for (const day of f.day) {
    if (day === NO_DAY) continue;
    if (day < from) from = day;
    if (day > to) to = day;
  }
  return {
    available: {
      themes: f.themesFound,
      campaigns: f.campaignsFound,
      stance: f.signalsFound,
      triage: true,
    },
    submitted: from <= to ? { from: dayString(from), to: dayString(to) } : null,
    focusPlaces: focusPlaces(f),
  };
}

/** What a bar's filter opens: its respondents (what the bar counts) and their responses. */
export function dashboardCount(
  db: Db,
  filter: DashboardFilter,
  counting: CountingView,
): { respondents: number; responses: number } {
  const v = view(db, filter, counting);
  return { respondents: v.respondentCount, responses: v.responseCount };
}
