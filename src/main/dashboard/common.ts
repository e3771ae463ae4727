import type { ChartData, ChartResult, CountingView, DashboardFilter } from '../../shared/api';
import type { Db } from '../db/connection';
import type { Facts } from './facts';
import { IN_VIEW, type View } from './view';

/** What every chart function gets: the facts, and the responses and respondents in view. */
export interface ChartContext {
  db: Db;
  facts: Facts;
  filter: DashboardFilter;
  counting: CountingView;
  view: View;
}

/** Key of a group with no value (no type, no place given). */
export const NOT_GIVEN = '\u0000none';

/**
 * The filter that opens a bar's responses: the dashboard's filter narrowed by `patch`, carrying the counting
 * view (so Responses leaves out the same campaign copies the bar left out). Fields set to undefined are dropped.
 */
export function barFilter(ctx: ChartContext, patch: Partial<DashboardFilter>): DashboardFilter {
  const merged: DashboardFilter = {
    ...ctx.filter,
    ...patch,
    counting: ctx.counting === 'campaigns-once' ? 'campaigns-once' : undefined,
  };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as DashboardFilter;
}

/** Narrows a filter to respondents who gave no value for `what`. */
export const notGivenPatch = (ctx: ChartContext, what: 'type' | 'place'): Partial<DashboardFilter> => ({
  notGiven: [...new Set([...(ctx.filter.notGiven ?? []), what])],
});

/** The filter for respondents who gave no value for `what`. */
export const notGivenFilter = (ctx: ChartContext, what: 'type' | 'place'): DashboardFilter =>
  barFilter(ctx, notGivenPatch(ctx, what));

/** Respondents in view counted by a code of theirs (an index into a list, 0 for not given). */
export function countRespondentsBy(ctx: ChartContext, code: ArrayLike<number>, codes: number): number[] {
  const counts = new Array<number>(codes + 1).fill(0);
  const inView = ctx.view.respondents;
  for (let p = 0; p < inView.length; p++) if (inView[p] & IN_VIEW) counts[code[p]]++;
  return counts;
}

/** A respondent type as shown: "local authority" -> "Local authority". */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Largest first, ties by label, groups shown apart last. */
export function byCountThenLabel<T extends { n: number; label: string; apart?: boolean }>(a: T, b: T): number {
  return Number(a.apart ?? false) - Number(b.apart ?? false) || b.n - a.n || a.label.localeCompare(b.label);
}

/** The note every chart carries about campaign counting, so the reader knows what the switch did. */
export function countingNotes(ctx: ChartContext): string[] {
  if (!ctx.facts.campaignsFound) {
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
