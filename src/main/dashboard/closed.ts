import type { ChartResult, ChartRow, DashboardFilter } from '../../shared/api';
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
import type { ClosedAnswers } from './facts';
import { questionTitle, type QuestionInfo } from './questions';
import { IN_VIEW } from './view';

/** The closed question to show: the one asked for, else the filter's question if closed, else the first. */
function pickClosed(ctx: ChartContext, requested: number | undefined): QuestionInfo | undefined {
  const closed = ctx.facts.questions.filter((q) => q.kind === 'closed');
  return (
    closed.find((q) => q.id === requested) ??
    closed.find((q) => q.id === ctx.filter.questionId) ??
    (requested === undefined ? closed[0] : undefined)
  );
}

/** Respondents in view by their answer to the question (code k: labels[k - 1]), per group code of theirs. */
function countAnswers(
  ctx: ChartContext,
  answers: ClosedAnswers,
  group: ArrayLike<number> | null,
): Map<number, number[]> {
  const counts = new Map<number, number[]>();
  const inView = ctx.view.respondents;
  for (let p = 0; p < inView.length; p++) {
    const a = answers.answer[p];
    if (!a || !(inView[p] & IN_VIEW)) continue;
    const g = group ? group[p] : 0;
    let row = counts.get(g);
    if (!row) counts.set(g, (row = new Array<number>(answers.labels.length + 1).fill(0)));
    row[a]++;
  }
  return counts;
}

/** The question's options in order, then any other answer given (an import may hold answers outside them). */
function answerOrder(q: QuestionInfo, answers: ClosedAnswers): string[] {
  const options = q.options ?? [];
  return [...options, ...answers.labels.filter((a) => !options.includes(a)).sort()];
}

function answerFilter(ctx: ChartContext, q: QuestionInfo, answer: string, patch: Partial<DashboardFilter> = {}) {
  return barFilter(ctx, {
    ...patch,
    answers: [...(ctx.filter.answers ?? []), { questionId: q.id, options: [answer] }],
  });
}

function notAnswered(ctx: ChartContext, answered: number): string[] {
  const missing = ctx.view.respondentCount - answered;
  return missing > 0 ? [`${missing.toLocaleString('en-GB')} respondents in view did not answer this question.`] : [];
}

const NO_CLOSED = unavailable(
  'This consultation has no closed questions.',
  'Closed questions (agree / disagree, choose one) are charted here once imported.',
);

const sum = (values: number[]): number => values.reduce((s, n) => s + n, 0);

/** How respondents in view answered a closed question: one bar per option, in the question's order. */
export function closedAnswers(ctx: ChartContext, closedQuestionId: number | undefined): ChartResult {
  const q = pickClosed(ctx, closedQuestionId);
  const answers = q && ctx.facts.closed(q.id);
  if (!q || !answers) return NO_CLOSED;
  const counts = countAnswers(ctx, answers, null).get(0) ?? [];
  const basedOn = sum(counts);
  if (!basedOn) return empty(NO_MATCH);
  return respondentBars({
    basedOn,
    rows: answerOrder(q, answers).map((a) => ({
      key: a,
      label: a,
      values: [counts[answers.labels.indexOf(a) + 1] ?? 0],
      base: basedOn,
      filters: [answerFilter(ctx, q, a)],
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
  const answers = q && ctx.facts.closed(q.id);
  if (!q || !answers) return NO_CLOSED;
  const { types } = ctx.facts;
  const byType = countAnswers(ctx, answers, ctx.facts.type);
  const order = answerOrder(q, answers);
  const codes = order.map((a) => answers.labels.indexOf(a) + 1);
  let basedOn = 0;
  const rows: (ChartRow & { n: number })[] = [...byType].map(([type, counts]) => {
    const values = codes.map((c) => (c ? counts[c] : 0));
    basedOn += sum(values);
    return {
      key: type ? types[type - 1] : NOT_GIVEN,
      label: type ? capitalise(types[type - 1]) : 'Not given',
      values,
      base: sum(values),
      n: sum(values),
      filters: order.map((a) =>
        answerFilter(ctx, q, a, type ? { respondentTypes: [types[type - 1]] } : notGivenPatch(ctx, 'type')),
      ),
      apart: type === 0 || undefined,
    };
  });
  if (!basedOn) return empty(NO_MATCH);
  return {
    state: 'ready',
    data: {
      layout: 'stacked-share',
      unit: 'respondents',
      basedOn,
      series: order.map((a) => ({ key: a, label: a })),
      rows: rows.sort(byCountThenLabel).map(({ n: _n, ...row }) => row),
      categoryAxis: 'Respondent type',
      valueAxis: 'Share of respondents of each type',
      notes: [...countingNotes(ctx), ...notAnswered(ctx, basedOn)],
      subject: questionTitle(q),
    },
  };
}
