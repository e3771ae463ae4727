import type { CHART_IDS } from '../constants';
import type { ResponseFilter } from './responses';
import type { CountingView } from './signals';
/**
 * The Dashboard: aggregates the backend counts in SQL for a filter and a counting view, one call per chart
 * so each chart draws as soon as its numbers arrive.
 */

/**
 * Which responses the dashboard counts: the Responses area's filter, so the two areas share one filter and a
 * bar's filter opens Responses on exactly its responses. Its `counting` is set by the dashboard's switch.
 */
export type DashboardFilter = ResponseFilter;

/**
 * How campaigns are counted (the names of issue 6's CountingView): every response as submitted, or each
 * campaign group an analyst set to count once as a single response.
 */
export type { CountingView };

export type ChartId = (typeof CHART_IDS)[number];

export type TimeBucket = 'day' | 'week';

export interface ChartRequest {
  chart: ChartId;
  filter: DashboardFilter;
  counting: CountingView;
  /** closed, closedByType: the closed question to show (defaults to the filter's question, if closed). */
  closedQuestionId?: number;
  /** overTime only. */
  bucket?: TimeBucket;
}

/** One bar (or row of stacked segments): a count per series, and the filter that opens its responses. */
export interface ChartRow {
  key: string;
  label: string;
  /** The label in full where `label` is short (a question's code and text). */
  description?: string;
  /** One count per series, in the order of `series`. */
  values: number[];
  /** What the row's values are shares of: the chart's base for 'bars', the row's total for 'stacked-share'. */
  base: number;
  /** The responses behind each value; null where the Responses filter cannot express them. */
  filters: (DashboardFilter | null)[];
  /** A group shown apart (e.g. "Other / unclear", "Not given"): drawn after the others, muted. */
  apart?: boolean;
}

export interface ChartSeries {
  key: string;
  label: string;
  /** 'grouped-share' only: how many respondents the series stands for (e.g. that respondent type's). */
  base?: number;
  /** A group shown apart ("Not given"): drawn in grey. */
  apart?: boolean;
}

/**
 * How the numbers are drawn: one count per bar; counts stacked (over time); each bar split into shares of
 * its total (100%); or each series as a share of its own base, side by side (themes by type: comparable
 * across groups of different sizes).
 */
export type ChartLayout = 'bars' | 'stacked' | 'stacked-share' | 'grouped-share';

export interface ChartData {
  layout: ChartLayout;
  /** What the chart counts. */
  unit: 'respondents' | 'responses';
  /** How many respondents (or responses) the chart is based on, after the filter and counting view. */
  basedOn: number;
  series: ChartSeries[];
  rows: ChartRow[];
  /** Words for the axes. */
  categoryAxis: string;
  valueAxis: string;
  /** Things the reader must know: "Campaigns have not been detected yet, so every response counts." */
  notes: string[];
  /** What the chart is about when the backend chose it: the question shown. */
  subject?: string;
}

/**
 * A chart is ready, or cannot be drawn yet for a reason the user can act on (no themes: run theme
 * discovery), or has nothing in the current filter.
 */
export type ChartResult =
  | { state: 'ready'; data: ChartData }
  | { state: 'unavailable'; reason: string; action: string }
  | { state: 'empty'; reason: string };

export interface DashboardMeta {
  /** Which optional data exists in this project, so the UI can explain what is missing. */
  available: { themes: boolean; campaigns: boolean; stance: boolean; triage: boolean };
  /** First and last submission dates (YYYY-MM-DD), null for an empty project. */
  submitted: { from: string; to: string } | null;
  /** The places the place charts single out (in this order); every other place is "elsewhere". */
  focusPlaces: string[];
}

export interface DashboardApi {
  'dashboard.meta': { input: void; output: DashboardMeta };
  'dashboard.chart': { input: ChartRequest; output: ChartResult };
  /** Respondents and responses a filter matches under a counting view: what a bar's click-through opens. */
  'dashboard.count': {
    input: { filter: DashboardFilter; counting: CountingView };
    output: { respondents: number; responses: number };
  };
}
