import type { ChartResult } from '../../shared/api';
import { responsesWhere } from './filter';
import { countingNotes, empty, unavailable, type ChartContext } from './common';
import { questionInfo, questionTitle } from './questions';
import { dashboardSchema, LIVE_ASSIGNMENT } from './schema';

const SERIES = [
  { key: 'hand', label: 'Coded or checked by hand' },
  { key: 'model', label: 'Coded by model only' },
  { key: 'read', label: 'Read, not coded' },
  { key: 'unreviewed', label: 'Not reviewed' },
];

/**
 * Where the analysis of each open question stands: every response in view is in exactly one state, the
 * furthest it has reached (a theme a person gave or accepted; themes a model or rule only proposed; opened;
 * untouched).
 */
export function progress(ctx: ChartContext): ChartResult {
  const open = questionInfo(ctx.db).filter(
    (q) => q.kind === 'open' && (ctx.filter.questionId === undefined || q.id === ctx.filter.questionId),
  );
  if (!open.length) {
    return ctx.filter.questionId === undefined
      ? unavailable(
          'This consultation has no open questions.',
          'Progress is tracked for open (free-text) questions once imported.',
        )
      : empty('Progress is tracked for open questions; the question chosen above is closed.');
  }
  const schema = dashboardSchema(ctx.db);
  // One probe of the assignments per response: 0 when a person accepted or made one (only people accept),
  // 1 when a model or rule proposed them all, NULL when there are none (rejected ones do not count).
  const coded = schema.themes
    ? `(SELECT min(a.state <> 'accepted') FROM assignment a WHERE a.response_id = r.id AND ${LIVE_ASSIGNMENT})`
    : 'NULL';
  const read = schema.triage ? "r.status <> 'new'" : '0';
  const where = responsesWhere(ctx.view);
  const counts = ctx.db
    .prepare(
      `SELECT r.question_id AS question, coalesce(${coded}, CASE WHEN ${read} THEN 2 ELSE 3 END) AS state, count(*) AS n
         FROM response r${where.needsRespondent ? ' JOIN respondent p ON p.id = r.respondent_id' : ''}
        WHERE r.question_id IN (${open.map(() => '?').join(',')}) AND ${where.sql} GROUP BY 1, 2`,
    )
    .all(...open.map((q) => q.id), ...where.params) as { question: number; state: number; n: number }[];
  const basedOn = counts.reduce((s, c) => s + c.n, 0);
  if (!basedOn) return empty('No responses to open questions match these filters. Clear or widen the filters above.');
  const rows = open.map((q) => {
    const values = SERIES.map((_, state) => counts.find((c) => c.question === q.id && c.state === state)?.n ?? 0);
    return {
      key: String(q.id),
      label: q.code,
      description: questionTitle(q),
      values,
      base: values.reduce((s, n) => s + n, 0),
      filters: SERIES.map(() => null),
    };
  });
  return {
    state: 'ready',
    data: {
      layout: 'stacked-share',
      unit: 'responses',
      basedOn,
      series: SERIES,
      rows,
      categoryAxis: 'Open question',
      valueAxis: 'Share of responses',
      notes: [
        ...countingNotes(ctx),
        ...(schema.triage ? [] : ['Responses show as read once triage statuses are recorded in the Responses area.']),
        ...(schema.themes ? [] : ['Responses show as coded once themes are assigned in the Themes area.']),
      ],
    },
  };
}
