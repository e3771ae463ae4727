import type { ChartData, ChartResult, CountingView, DashboardFilter } from '../../shared/api';
import type { Db } from '../db/connection';
import { respondentsWhere, viewSql, type ViewSql } from './filter';
import { campaignsDetected } from './schema';

/** What every chart function gets. */
export interface ChartContext {
  db: Db;
  filter: DashboardFilter;
  counting: CountingView;
  view: ViewSql;
}

export function chartContext(db: Db, filter: DashboardFilter, counting: CountingView): ChartContext {
  return { db, filter, counting, view: viewSql(db, filter, counting) };
}

/** Key of a group with no value (no type, no place given); bound as a parameter, never spliced into SQL. */
export const NOT_GIVEN = '\u0000none';

export interface GroupCount {
  key: string;
  n: number;
}

/** Respondents in view counted by a grouping expression over `respondent p` (NULL becomes NOT_GIVEN). */
export function countRespondentsBy(ctx: ChartContext, keySql: string, keyParams: unknown[] = []): GroupCount[] {
  const where = respondentsWhere(ctx.view);
  return ctx.db
    .prepare(`SELECT coalesce(${keySql}, ?) AS key, count(*) AS n FROM respondent p WHERE ${where.sql} GROUP BY 1`)
    .all(...keyParams, NOT_GIVEN, ...where.params) as GroupCount[];
}

export function countRespondents(ctx: ChartContext): number {
  const where = respondentsWhere(ctx.view);
  return ctx.db
    .prepare(`SELECT count(*) FROM respondent p WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
}

/** "local authority" -> "Local authority". */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Largest first, ties by label, groups shown apart last. */
export function byCountThenLabel<T extends { n: number; label: string; apart?: boolean }>(a: T, b: T): number {
  return Number(a.apart ?? false) - Number(b.apart ?? false) || b.n - a.n || a.label.localeCompare(b.label);
}

/** The note every chart carries about campaign counting, so the reader knows what the switch did. */
export function countingNotes(ctx: ChartContext): string[] {
  if (!campaignsDetected(ctx.db)) {
    return ctx.counting === 'campaigns-once'
      ? [
          'Campaigns have not been detected yet, so every response counts. Run campaign detection in the Responses area.',
        ]
      : [];
  }
  return ctx.counting === 'campaigns-once'
    ? ['Each campaign an analyst set to count once is counted as one response.']
    : ['Every campaign response is counted.'];
}

export const empty = (reason: string): ChartResult => ({ state: 'empty', reason });
export const unavailable = (reason: string, action: string): ChartResult => ({ state: 'unavailable', reason, action });

export const NO_MATCH = 'No respondents match these filters. Clear or widen the filters above.';

/** A ready bar chart that counts respondents, in one series (most of the dashboard's charts). */
export const respondentBars = (data: Omit<ChartData, 'layout' | 'unit' | 'series'>): ChartResult => ({
  state: 'ready',
  data: { layout: 'bars', unit: 'respondents', series: [{ key: 'respondents', label: 'Respondents' }], ...data },
});
