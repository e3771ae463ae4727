import type { ChartResult, ChartRow, DashboardFilter } from '../../shared/api';
import { respondentsWhere } from './filter';
import {
  capitalise,
  countingNotes,
  countRespondents,
  empty,
  NO_MATCH,
  NOT_GIVEN,
  unavailable,
  type ChartContext,
  respondentBars,
} from './common';
import { questionInfo, questionTitle, type QuestionInfo } from './questions';

/** The closed question to show: the one asked for, else the filter's question if closed, else the first. */
function pickClosed(ctx: ChartContext, requested: number | undefined): QuestionInfo | undefined {
  const closed = questionInfo(ctx.db).filter((q) => q.kind === 'closed');
  return (
    closed.find((q) => q.id === requested) ??
    closed.find((q) => q.id === ctx.filter.questionId) ??
    (requested === undefined ? closed[0] : undefined)
  );
}

interface AnswerCount {
  group: string;
  answer: string;
  n: number;
}

/** Answers to closed question `q` of the respondents in view, by a grouping over `respondent p`. */
function countAnswers(ctx: ChartContext, q: QuestionInfo, groupSql: string): AnswerCount[] {
  const where = respondentsWhere(ctx.view);
  return ctx.db
    .prepare(
      `SELECT coalesce(${groupSql}, ?) AS "group", c.text AS answer, count(*) AS n
         FROM response c JOIN respondent p ON p.id = c.respondent_id
        WHERE c.question_id = ? AND ${where.sql} GROUP BY 1, 2`,
    )
    .all(NOT_GIVEN, q.id, ...where.params) as AnswerCount[];
}

/** The question's options in order, then any other answer given (an import may hold answers outside them). */
function answerOrder(q: QuestionInfo, counts: AnswerCount[]): string[] {
  const options = q.options ?? [];
  const others = [...new Set(counts.map((c) => c.answer))].filter((a) => !options.includes(a)).sort();
  return [...options, ...others];
}

const answerFilter = (filter: DashboardFilter, q: QuestionInfo, answer: string): DashboardFilter => ({
  ...filter,
  answers: [...(filter.answers ?? []), { questionId: q.id, options: [answer] }],
});

function notAnswered(ctx: ChartContext, answered: number): string[] {
  const missing = countRespondents(ctx) - answered;
  return missing > 0 ? [`${missing.toLocaleString('en-GB')} respondents in view did not answer this question.`] : [];
}

const NO_CLOSED = unavailable(
  'This consultation has no closed questions.',
  'Closed questions (agree / disagree, choose one) are charted here once imported.',
);

/** How respondents in view answered a closed question: one bar per option, in the question's order. */
export function closedAnswers(ctx: ChartContext, closedQuestionId: number | undefined): ChartResult {
  const q = pickClosed(ctx, closedQuestionId);
  if (!q) return NO_CLOSED;
  const counts = countAnswers(ctx, q, "''");
  const basedOn = counts.reduce((s, c) => s + c.n, 0);
  if (!basedOn) return empty(NO_MATCH);
  const byAnswer = new Map(counts.map((c) => [c.answer, c.n]));
  return respondentBars({
    basedOn,
    rows: answerOrder(q, counts).map((a) => ({
      key: a,
      label: a,
      values: [byAnswer.get(a) ?? 0],
      base: basedOn,
      filters: [answerFilter(ctx.filter, q, a)],
    })),
    categoryAxis: 'Answer',
    valueAxis: 'Respondents',
    notes: [...countingNotes(ctx), ...notAnswered(ctx, basedOn)],
    subject: questionTitle(q),
  });
}

/** How each respondent type answered a closed question: one bar per type, split into shares by answer. */
export function closedByType(ctx: ChartContext, closedQuestionId: number | undefined): ChartResult {
  const q = pickClosed(ctx, closedQuestionId);
  if (!q) return NO_CLOSED;
  const counts = countAnswers(ctx, q, 'p.type');
  const basedOn = counts.reduce((s, c) => s + c.n, 0);
  if (!basedOn) return empty(NO_MATCH);
  const answers = answerOrder(q, counts);
  const types = new Map<string, number[]>();
  for (const c of counts) {
    const values = types.get(c.group) ?? answers.map(() => 0);
    values[answers.indexOf(c.answer)] += c.n;
    types.set(c.group, values);
  }
  const total = (values: number[]): number => values.reduce((s, n) => s + n, 0);
  const rows: ChartRow[] = [...types]
    .map(([type, values]) => ({
      key: type,
      label: type === NOT_GIVEN ? 'Not given' : capitalise(type),
      values,
      base: total(values),
      filters: answers.map((a) =>
        type === NOT_GIVEN ? null : answerFilter({ ...ctx.filter, respondentTypes: [type] }, q, a),
      ),
      apart: type === NOT_GIVEN || undefined,
    }))
    .sort(
      (a, b) =>
        Number(a.apart ?? false) - Number(b.apart ?? false) || b.base - a.base || a.label.localeCompare(b.label),
    );
  return {
    state: 'ready',
    data: {
      layout: 'stacked-share',
      unit: 'respondents',
      basedOn,
      series: answers.map((a) => ({ key: a, label: a })),
      rows,
      categoryAxis: 'Respondent type',
      valueAxis: 'Share of respondents of each type',
      notes: [...countingNotes(ctx), ...notAnswered(ctx, basedOn)],
      subject: questionTitle(q),
    },
  };
}
