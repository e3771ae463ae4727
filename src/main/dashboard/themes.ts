import type { ChartData, ChartResult, ChartRow, ChartSeries, DashboardFilter } from '../../shared/api';
import { responsesWhere } from './filter';
import {
  byCountThenLabel,
  capitalise,
  countingNotes,
  empty,
  NO_MATCH,
  NOT_GIVEN,
  unavailable,
  type ChartContext,
  respondentBars,
} from './common';
import { focusPlaces, placeFilter, placeKeySql, placeLabel, ELSEWHERE } from './places';
import { questionInfo, questionTitle, type QuestionInfo } from './questions';
import { dashboardSchema, LIVE_ASSIGNMENT, themesAssigned } from './schema';

/** Charts of themes by group show the largest themes only; the themes chart shows them all. */
const MAX_GROUPED_THEMES = 12;

const NO_THEMES = unavailable(
  'No themes yet.',
  'Run theme discovery in the Themes area: each theme’s respondents are then counted here.',
);

interface Theme {
  id: number;
  name: string;
  n: number;
  label: string;
  apart: boolean;
}

type Prepared =
  | { q: QuestionInfo; themes: Theme[]; basedOn: number; where: ReturnType<typeof responsesWhere> }
  | { result: ChartResult };

const themeFilter = (filter: DashboardFilter, q: QuestionInfo, themeId: number): DashboardFilter => ({
  ...filter,
  questionId: q.id,
  themes: { ids: [themeId], mode: 'any' },
});

/** The chosen open question, its themes with respondents in view (largest first, "Other / unclear" last), and the base. */
function prepare(ctx: ChartContext): Prepared {
  if (!dashboardSchema(ctx.db).themes || !themesAssigned(ctx.db)) return { result: NO_THEMES };
  const q = questionInfo(ctx.db).find((x) => x.id === ctx.filter.questionId);
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
  // "Other / unclear" is the theme issue 5 marks is_other: it is shown apart, after the others.
  const names = ctx.db.prepare('SELECT id, name, is_other AS other FROM theme WHERE question_id = ?').all(q.id) as {
    id: number;
    name: string;
    other: 0 | 1;
  }[];
  if (!names.length)
    return {
      result: unavailable(`No themes yet for ${q.code}.`, `Run theme discovery for ${q.code} in the Themes area.`),
    };
  const where = responsesWhere(ctx.view);
  const join = where.needsRespondent ? ' JOIN respondent p ON p.id = r.respondent_id' : '';
  const counts = new Map(
    (
      ctx.db
        .prepare(
          `SELECT a.theme_id AS id, count(DISTINCT a.response_id) AS n FROM response r${join} JOIN assignment a ON a.response_id = r.id AND ${LIVE_ASSIGNMENT}
            WHERE r.question_id = ? AND ${where.sql} GROUP BY a.theme_id`,
        )
        .all(q.id, ...where.params) as { id: number; n: number }[]
    ).map((c) => [c.id, c.n]),
  );
  const basedOn = ctx.db
    .prepare(`SELECT count(*) FROM response r${join} WHERE r.question_id = ? AND ${where.sql}`)
    .pluck()
    .get(q.id, ...where.params) as number;
  if (!basedOn) return { result: empty(NO_MATCH) };
  const themes = names
    .map((t) => ({ id: t.id, name: t.name, n: counts.get(t.id) ?? 0, label: t.name, apart: t.other === 1 }))
    .sort(byCountThenLabel);
  return { q, themes, basedOn, where };
}

/** Themes of the chosen question: respondents whose answer has each theme, and their share of all who answered. */
export function themesChart(ctx: ChartContext): ChartResult {
  const p = prepare(ctx);
  if ('result' in p) return p.result;
  const { q, themes, basedOn, where } = p;
  const join = where.needsRespondent ? ' JOIN respondent p ON p.id = r.respondent_id' : '';
  const uncoded = ctx.db
    .prepare(
      `SELECT count(*) FROM response r${join}
        WHERE r.question_id = ? AND ${where.sql} AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.response_id = r.id AND ${LIVE_ASSIGNMENT})`,
    )
    .pluck()
    .get(q.id, ...where.params) as number;
  return respondentBars({
    basedOn,
    rows: themes.map((t) => ({
      key: String(t.id),
      label: t.label,
      values: [t.n],
      base: basedOn,
      filters: [themeFilter(ctx.filter, q, t.id)],
      apart: t.apart || undefined,
    })),
    categoryAxis: 'Theme',
    valueAxis: 'Respondents',
    notes: [
      ...countingNotes(ctx),
      'An answer can have more than one theme, so the shares can add up to more than 100%.',
      ...(uncoded ? [`${uncoded.toLocaleString('en-GB')} answers in view have no theme yet.`] : []),
    ],
    subject: questionTitle(q),
  });
}

interface Grouping {
  sql: string;
  params: unknown[];
  axisLabel: string;
  /** Groups in the order shown, with labels. */
  order: (bases: Map<string, number>) => { key: string; label: string; apart?: boolean }[];
  filter: (filter: DashboardFilter, key: string) => DashboardFilter | null;
}

/** Each theme as a share of each group's respondents to the question (comparable across groups of different sizes). */
function themesByGroup(ctx: ChartContext, grouping: Grouping): ChartResult {
  const p = prepare(ctx);
  if ('result' in p) return p.result;
  const { q, themes, basedOn, where } = p;
  const group = `coalesce(${grouping.sql}, ?)`;
  const bases = new Map(
    (
      ctx.db
        .prepare(
          `SELECT ${group} AS key, count(*) AS n FROM response r JOIN respondent p ON p.id = r.respondent_id WHERE r.question_id = ? AND ${where.sql} GROUP BY 1`,
        )
        .all(...grouping.params, NOT_GIVEN, q.id, ...where.params) as { key: string; n: number }[]
    ).map((b) => [b.key, b.n]),
  );
  const counts = ctx.db
    .prepare(
      `SELECT a.theme_id AS id, ${group} AS key, count(DISTINCT a.response_id) AS n
         FROM response r JOIN respondent p ON p.id = r.respondent_id JOIN assignment a ON a.response_id = r.id AND ${LIVE_ASSIGNMENT}
        WHERE r.question_id = ? AND ${where.sql} GROUP BY 1, 2`,
    )
    .all(...grouping.params, NOT_GIVEN, q.id, ...where.params) as { id: number; key: string; n: number }[];
  const groups = grouping.order(bases);
  const series: ChartSeries[] = groups.map((g) => ({
    key: g.key,
    label: g.label,
    base: bases.get(g.key) ?? 0,
    apart: g.apart || undefined,
  }));
  const shown = [...themes.filter((t) => !t.apart).slice(0, MAX_GROUPED_THEMES), ...themes.filter((t) => t.apart)];
  const rows: ChartRow[] = shown.map((t) => ({
    key: String(t.id),
    label: t.label,
    values: groups.map((g) => counts.find((c) => c.id === t.id && c.key === g.key)?.n ?? 0),
    base: t.n,
    filters: groups.map((g) => {
      const f = grouping.filter(ctx.filter, g.key);
      return f && themeFilter(f, q, t.id);
    }),
    apart: t.apart || undefined,
  }));
  const hidden = themes.length - shown.length;
  return {
    state: 'ready',
    data: {
      layout: 'grouped-share',
      unit: 'respondents',
      basedOn,
      series,
      rows,
      categoryAxis: 'Theme',
      valueAxis: `Share of each ${grouping.axisLabel.toLowerCase()}’s respondents`,
      notes: [
        ...countingNotes(ctx),
        ...(hidden > 0
          ? [`The ${MAX_GROUPED_THEMES} largest themes are shown; ${hidden} smaller ones are in the themes chart.`]
          : []),
      ],
      subject: questionTitle(q),
    },
  };
}

export function themesByType(ctx: ChartContext): ChartResult {
  return themesByGroup(ctx, {
    sql: 'p.type',
    params: [],
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
    filter: (filter, key) => (key === NOT_GIVEN ? null : { ...filter, respondentTypes: [key] }),
  });
}

export function themesByPlace(ctx: ChartContext): ChartResult {
  const focus = focusPlaces(ctx.db);
  const key = placeKeySql(focus);
  return themesByGroup(ctx, {
    ...key,
    axisLabel: 'Place',
    order: (bases) =>
      [...focus, ELSEWHERE, NOT_GIVEN]
        .filter((k) => bases.has(k))
        .map((k) => ({ key: k, label: placeLabel(k), apart: k === NOT_GIVEN })),
    filter: (filter, k) => placeFilter(ctx.db, filter, k, focus),
  });
}

const STANCES = ['agree', 'mixed', 'unclear', 'disagree'];
const SENTIMENTS = ['positive', 'neutral', 'negative'];

/** Each theme's responses split by the stance (or sentiment) read from them (issue 6's signals). */
function signalByTheme(
  ctx: ChartContext,
  column: 'stance' | 'sentiment_label',
  values: string[],
  axis: string,
): ChartResult {
  if (!dashboardSchema(ctx.db).stance) {
    return unavailable(
      'Stance and sentiment have not been read yet.',
      'Run the checks for stance and sentiment in the Responses area; each theme is then split here.',
    );
  }
  const p = prepare(ctx);
  if ('result' in p) return p.result;
  const { q, themes, where } = p;
  const asks = dashboardSchema(ctx.db).stanceQuestions
    ? (ctx.db.prepare('SELECT asks_stance FROM question_stance WHERE question_id = ?').pluck().get(q.id) as
        number | undefined)
    : undefined;
  if (column === 'stance' && asks === 0) {
    return unavailable(
      `${q.code} does not ask for a view for or against a proposal, so no stance is read from its answers.`,
      'If it does, say so where stance is set for each question; its themes are then split by stance here.',
    );
  }
  const counts = ctx.db
    .prepare(
      `SELECT a.theme_id AS id, s.${column} AS value, count(DISTINCT a.response_id) AS n
         FROM response r${where.needsRespondent ? ' JOIN respondent p ON p.id = r.respondent_id' : ''}
         JOIN assignment a ON a.response_id = r.id AND ${LIVE_ASSIGNMENT} JOIN response_signal s ON s.response_id = r.id
        WHERE r.question_id = ? AND s.${column} IS NOT NULL AND ${where.sql} GROUP BY 1, 2`,
    )
    .all(q.id, ...where.params) as { id: number; value: string; n: number }[];
  const rows: ChartRow[] = themes
    .map((t) => {
      const vals = values.map((v) => counts.find((c) => c.id === t.id && c.value === v)?.n ?? 0);
      return {
        key: String(t.id),
        label: t.label,
        values: vals,
        base: vals.reduce((s, n) => s + n, 0),
        filters: values.map(() => null),
        apart: t.apart || undefined,
      };
    })
    .filter((r) => r.base > 0);
  const basedOn = ctx.db
    .prepare(
      `SELECT count(*) FROM response r${where.needsRespondent ? ' JOIN respondent p ON p.id = r.respondent_id' : ''} JOIN response_signal s ON s.response_id = r.id
        WHERE r.question_id = ? AND s.${column} IS NOT NULL AND ${where.sql} AND EXISTS (SELECT 1 FROM assignment a WHERE a.response_id = r.id AND ${LIVE_ASSIGNMENT})`,
    )
    .pluck()
    .get(q.id, ...where.params) as number;
  if (!basedOn)
    return empty(`No answers to ${q.code} in view have a ${column === 'stance' ? 'stance' : 'sentiment'} read yet.`);
  const data: ChartData = {
    layout: 'stacked-share',
    unit: 'responses',
    basedOn,
    series: values.map((v) => ({ key: v, label: capitalise(v) })),
    rows,
    categoryAxis: 'Theme',
    valueAxis: axis,
    notes: [...countingNotes(ctx), 'Counts are theme assignments: an answer with two themes counts under each.'],
    subject: questionTitle(q),
  };
  return { state: 'ready', data };
}

export const stanceByTheme = (ctx: ChartContext): ChartResult =>
  signalByTheme(ctx, 'stance', STANCES, 'Share of the theme’s answers by stance');
export const sentimentByTheme = (ctx: ChartContext): ChartResult =>
  signalByTheme(ctx, 'sentiment_label', SENTIMENTS, 'Share of the theme’s answers by sentiment');
