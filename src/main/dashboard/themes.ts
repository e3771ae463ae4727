import type { ChartResult, ChartRow, ChartSeries, DashboardFilter, SentimentLabel, Stance } from '../../shared/api';
import {
  barFilter,
  byCountThenLabel,
  capitalise,
  countingNotes,
  empty,
  NO_MATCH,
  NOT_GIVEN,
  notGivenPatch,
  unavailable,
  type ChartContext,
  respondentBars,
} from './common';
import { SENTIMENTS, STANCES } from './facts';
import { ELSEWHERE, focusPlaces, placeFilter, placeGroups, placeLabel } from './places';
import { questionTitle, type QuestionInfo } from './questions';

/** Charts of themes by group show the largest themes only; the themes chart shows them all. */
const MAX_GROUPED_THEMES = 12;

const NO_THEMES = unavailable(
  'No themes yet.',
  'Run theme discovery in the Themes area: each theme’s respondents are then counted here.',
);

/** A theme as charted: a top-level theme, counting the responses of its sub-themes too. */
interface Theme {
  /** The theme and its sub-themes. */
  ids: number[];
  label: string;
  apart: boolean;
  n: number;
}

interface Prepared {
  q: QuestionInfo;
  themes: Theme[];
  /** Shown theme (or sub-theme) id -> index into `themes`. */
  indexOf: Map<number, number>;
  /** Responses in view to the question. */
  basedOn: number;
  /** No theme of the question is signed off: these are candidates. */
  draft: boolean;
}

/**
 * Calls `visit(theme, response)` once for each response in view to the question and each charted theme it
 * has (a response with a theme and one of its sub-themes counts once). Assignments are in response order.
 */
function eachThemed(ctx: ChartContext, p: Prepared, visit: (theme: number, response: number) => void): void {
  const { response: assignmentResponse, theme: assignmentTheme } = ctx.facts.assignments(p.q.id);
  const { question } = ctx.facts;
  const inView = ctx.view.responses;
  const last = new Int32Array(p.themes.length).fill(-1);
  for (let k = 0; k < assignmentResponse.length; k++) {
    const r = assignmentResponse[k];
    if (!inView[r] || question[r] !== p.q.id) continue;
    const t = p.indexOf.get(assignmentTheme[k]);
    if (t === undefined || last[t] === r) continue;
    last[t] = r;
    visit(t, r);
  }
}

/**
 * The chosen open question and its charted themes, largest first with "Other / unclear" last: its signed-off
 * themes, or its candidates where none is signed off yet (as reports do), sub-themes counted in their parent.
 */
function prepare(ctx: ChartContext): Prepared | { result: ChartResult } {
  const { facts } = ctx;
  if (!facts.themesFound) return { result: NO_THEMES };
  const q = facts.questions.find((x) => x.id === ctx.filter.questionId);
  if (!q)
    return {
      result: unavailable(
        'Themes belong to a question.',
        'Choose an open question at the top of the Dashboard to see its themes.',
      ),
    };
  if (q.kind !== 'open') {
    return {
      result: unavailable(
        `${q.code} is a closed question; themes are found in open answers.`,
        'Choose an open question at the top of the Dashboard.',
      ),
    };
  }
  const all = [...facts.themes().values()].filter((t) => t.questionId === q.id);
  const draft = !all.some((t) => t.accepted);
  const shown = all.filter((t) => draft || t.accepted);
  if (!shown.length)
    return {
      result: unavailable(`No themes yet for ${q.code}.`, `Run theme discovery for ${q.code} in the Themes area.`),
    };
  const shownIds = new Set(shown.map((t) => t.id));
  const top = shown.filter((t) => t.parentId === null || !shownIds.has(t.parentId));
  const themes: Theme[] = top.map((t) => ({ ids: [t.id], label: t.name, apart: t.isOther, n: 0 }));
  const indexOf = new Map(top.map((t, i) => [t.id, i]));
  for (const t of shown) {
    const parent = t.parentId === null ? undefined : indexOf.get(t.parentId);
    if (parent === undefined || indexOf.has(t.id)) continue;
    themes[parent].ids.push(t.id);
    indexOf.set(t.id, parent);
  }
  let basedOn = 0;
  const inView = ctx.view.responses;
  for (let r = 0; r < inView.length; r++) if (inView[r] && facts.question[r] === q.id) basedOn++;
  if (!basedOn) return { result: empty(NO_MATCH) };
  const p: Prepared = { q, themes, indexOf, basedOn, draft };
  eachThemed(ctx, p, (t) => themes[t].n++);
  // Sorted once counted; the index map follows the new order.
  const order = themes.map((t, i) => ({ ...t, i })).sort(byCountThenLabel);
  const moved = new Map(order.map((t, i) => [t.i, i]));
  for (const [id, i] of indexOf) indexOf.set(id, moved.get(i)!);
  p.themes = order.map(({ i: _i, ...t }) => t);
  return p;
}

const themeFilter = (ctx: ChartContext, p: Prepared, t: Theme, patch: Partial<DashboardFilter> = {}) =>
  barFilter(ctx, { ...patch, questionId: p.q.id, themes: { ids: t.ids, mode: 'any' } });

function themeNotes(ctx: ChartContext, p: Prepared): string[] {
  return [
    ...countingNotes(ctx),
    ...(p.draft
      ? [
          `No theme of ${p.q.code} has been signed off yet: these are candidates from theme discovery. Review them in the Themes area.`,
        ]
      : []),
    ...(p.themes.some((t) => t.ids.length > 1) ? ['Each theme counts the responses of its sub-themes too.'] : []),
  ];
}

/** Themes of the chosen question: respondents whose answer has each theme, and their share of all who answered. */
export function themesChart(ctx: ChartContext): ChartResult {
  const p = prepare(ctx);
  if ('result' in p) return p.result;
  const { question } = ctx.facts;
  const { coding } = ctx.facts.assignments(p.q.id);
  let uncoded = 0;
  const inView = ctx.view.responses;
  for (let r = 0; r < inView.length; r++) if (inView[r] && question[r] === p.q.id && !coding[r]) uncoded++;
  return respondentBars({
    basedOn: p.basedOn,
    rows: p.themes.map((t) => ({
      key: String(t.ids[0]),
      label: t.label,
      values: [t.n],
      base: p.basedOn,
      filters: [themeFilter(ctx, p, t)],
      apart: t.apart || undefined,
    })),
    categoryAxis: 'Theme',
    valueAxis: 'Respondents',
    notes: [
      ...themeNotes(ctx, p),
      'An answer can have more than one theme, so the shares can add up to more than 100%.',
      ...(uncoded ? [`${uncoded.toLocaleString('en-GB')} answers in view have no theme yet.`] : []),
    ],
    subject: questionTitle(p.q),
  });
}

interface Grouping {
  /** Each respondent's group key. */
  groupOf: (respondent: number) => string;
  axisLabel: string;
  /** Groups in the order shown, with labels. */
  order: (bases: Map<string, number>) => { key: string; label: string; apart?: boolean }[];
  patch: (key: string) => Partial<DashboardFilter> | null;
}

/** The largest themes, then those shown apart. */
const largest = (themes: Theme[]): Theme[] => [
  ...themes.filter((t) => !t.apart).slice(0, MAX_GROUPED_THEMES),
  ...themes.filter((t) => t.apart),
];

/** Each theme as a share of each group's respondents to the question (comparable across groups of different sizes). */
function themesByGroup(ctx: ChartContext, grouping: Grouping): ChartResult {
  const p = prepare(ctx);
  if ('result' in p) return p.result;
  const { question, respondent } = ctx.facts;
  const bases = new Map<string, number>();
  const inView = ctx.view.responses;
  for (let r = 0; r < inView.length; r++) {
    if (!inView[r] || question[r] !== p.q.id) continue;
    const g = grouping.groupOf(respondent[r]);
    bases.set(g, (bases.get(g) ?? 0) + 1);
  }
  const counts = p.themes.map(() => new Map<string, number>());
  eachThemed(ctx, p, (t, r) => {
    const g = grouping.groupOf(respondent[r]);
    counts[t].set(g, (counts[t].get(g) ?? 0) + 1);
  });
  const groups = grouping.order(bases);
  const series: ChartSeries[] = groups.map((g) => ({
    key: g.key,
    label: g.label,
    base: bases.get(g.key) ?? 0,
    apart: g.apart || undefined,
  }));
  const shown = largest(p.themes);
  const rows: ChartRow[] = shown.map((t) => ({
    key: String(t.ids[0]),
    label: t.label,
    values: groups.map((g) => counts[p.themes.indexOf(t)].get(g.key) ?? 0),
    base: t.n,
    filters: groups.map((g) => {
      const patch = grouping.patch(g.key);
      return patch && themeFilter(ctx, p, t, patch);
    }),
    apart: t.apart || undefined,
  }));
  const hidden = p.themes.length - shown.length;
  return {
    state: 'ready',
    data: {
      layout: 'grouped-share',
      unit: 'respondents',
      basedOn: p.basedOn,
      series,
      rows,
      categoryAxis: 'Theme',
      valueAxis: `Share of each ${grouping.axisLabel.toLowerCase()}’s respondents`,
      notes: [
        ...themeNotes(ctx, p),
        ...(hidden > 0
          ? [`The ${MAX_GROUPED_THEMES} largest themes are shown; ${hidden} smaller ones are in the themes chart.`]
          : []),
      ],
      subject: questionTitle(p.q),
    },
  };
}

export function themesByType(ctx: ChartContext): ChartResult {
  const { type, types } = ctx.facts;
  return themesByGroup(ctx, {
    groupOf: (p) => (type[p] ? types[type[p] - 1] : NOT_GIVEN),
    axisLabel: 'Respondent type',
    order: (bases) =>
      [...bases]
        .map(([key, n]) => ({
          key,
          n,
          label: key === NOT_GIVEN ? 'Not given' : capitalise(key),
          apart: key === NOT_GIVEN,
        }))
        .sort(byCountThenLabel),
    patch: (key) => (key === NOT_GIVEN ? notGivenPatch(ctx, 'type') : { respondentTypes: [key] }),
  });
}

export function themesByPlace(ctx: ChartContext): ChartResult {
  const focus = focusPlaces(ctx.facts);
  const groups = placeGroups(ctx.facts, focus);
  const { place } = ctx.facts;
  return themesByGroup(ctx, {
    groupOf: (p) => groups[place[p]],
    axisLabel: 'Place',
    order: (bases) =>
      [...focus, ELSEWHERE, NOT_GIVEN]
        .filter((k) => bases.has(k))
        .map((k) => ({ key: k, label: placeLabel(k), apart: k === NOT_GIVEN })),
    patch: (key) => {
      const f = placeFilter(ctx, key, focus);
      return f && { cities: f.cities, notGiven: f.notGiven };
    },
  });
}

/** Each theme's responses split by the stance (or sentiment) read from them (the signals scan). */
function signalByTheme(ctx: ChartContext, signal: 'stance' | 'sentiment', axis: string): ChartResult {
  if (!ctx.facts.signalsFound) {
    return unavailable(
      'Stance and sentiment have not been read yet.',
      'Run the checks for stance and sentiment in the Responses area; each theme is then split here.',
    );
  }
  const p = prepare(ctx);
  if ('result' in p) return p.result;
  const signals = ctx.facts.signals(p.q.id);
  if (signal === 'stance' && !signals.asksStance) {
    return unavailable(
      `${p.q.code} does not ask for a view for or against a proposal, so no stance is read from its answers.`,
      'If it does, say so where stance is set for each question; its themes are then split by stance here.',
    );
  }
  const values: readonly string[] = signal === 'stance' ? STANCES : SENTIMENTS;
  const codes = signal === 'stance' ? signals.stance : signals.sentiment;
  const counts = p.themes.map(() => new Array<number>(values.length).fill(0));
  let basedOn = 0;
  let lastResponse = -1;
  eachThemed(ctx, p, (t, r) => {
    if (!codes[r]) return;
    counts[t][codes[r] - 1]++;
    if (r !== lastResponse) basedOn++;
    lastResponse = r;
  });
  if (!basedOn) return empty(`No answers to ${p.q.code} in view have a ${signal} read yet.`);
  const allowed = signal === 'stance' ? ctx.filter.stances : ctx.filter.sentiments;
  const rows: ChartRow[] = p.themes
    .map((t, i) => ({
      key: String(t.ids[0]),
      label: t.label,
      values: counts[i],
      base: counts[i].reduce((s, n) => s + n, 0),
      filters: values.map((v) =>
        allowed?.length && !(allowed as readonly string[]).includes(v)
          ? null
          : themeFilter(
              ctx,
              p,
              t,
              signal === 'stance' ? { stances: [v as Stance] } : { sentiments: [v as SentimentLabel] },
            ),
      ),
      apart: t.apart || undefined,
    }))
    .filter((r) => r.base > 0);
  return {
    state: 'ready',
    data: {
      layout: 'stacked-share',
      unit: 'responses',
      basedOn,
      series: values.map((v) => ({ key: v, label: capitalise(v) })),
      rows,
      categoryAxis: 'Theme',
      valueAxis: axis,
      notes: [...themeNotes(ctx, p), 'Counts are theme assignments: an answer with two themes counts under each.'],
      subject: questionTitle(p.q),
    },
  };
}

export const stanceByTheme = (ctx: ChartContext): ChartResult =>
  signalByTheme(ctx, 'stance', 'Share of the theme’s answers by stance');
export const sentimentByTheme = (ctx: ChartContext): ChartResult =>
  signalByTheme(ctx, 'sentiment', 'Share of the theme’s answers by sentiment');
