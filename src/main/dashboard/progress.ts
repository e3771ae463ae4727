import type { ChartResult, DashboardFilter, TriageStatus } from '../../shared/api';
import { STATUSES } from '../../shared/triage';
import { barFilter, countingNotes, empty, unavailable, type ChartContext } from './common';
import { BY_HAND, BY_MODEL } from './facts';
import { questionTitle } from './questions';

/** The states, furthest first, with the filter each adds (coding, and whether anyone has opened it). */
const SERIES: { key: string; label: string; coding: 'hand' | 'model' | 'none'; opened?: boolean }[] = [
  { key: 'hand', label: 'Coded or checked by hand', coding: 'hand' },
  { key: 'model', label: 'Coded by model only', coding: 'model' },
  { key: 'read', label: 'Read, not coded', coding: 'none', opened: true },
  { key: 'unreviewed', label: 'Not reviewed', coding: 'none', opened: false },
];

/** Keeps `wanted` within what the filter already allows; null when nothing is left. */
function within<T>(allowed: readonly T[] | undefined, wanted: readonly T[]): T[] | null {
  const kept = allowed?.length ? wanted.filter((w) => allowed.includes(w)) : [...wanted];
  return kept.length ? kept : null;
}

function segmentFilter(ctx: ChartContext, questionId: number, s: (typeof SERIES)[number]): DashboardFilter | null {
  const coding = within(ctx.filter.coding, [s.coding]);
  if (!coding) return null;
  if (s.opened === undefined) return barFilter(ctx, { questionId, coding });
  // Opened or not, as statuses within those the filter allows ("unread" is the status 'new').
  const statuses = within<TriageStatus>(
    ctx.filter.unread ? ['new'] : ctx.filter.statuses,
    STATUSES.filter((x) => (x === 'new') !== s.opened),
  );
  return statuses && barFilter(ctx, { questionId, coding, statuses, unread: undefined });
}

/**
 * Where the analysis of each open question stands: every response in view is in exactly one state, the
 * furthest it has reached (a theme a person gave or accepted; themes a model or rule only proposed; opened;
 * untouched).
 */
export function progress(ctx: ChartContext): ChartResult {
  const open = ctx.facts.questions.filter(
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
  const { question, read } = ctx.facts;
  const coding = ctx.facts.coding(open.map((q) => q.id));
  const counts = new Map(open.map((q) => [q.id, [0, 0, 0, 0]]));
  const inView = ctx.view.responses;
  for (let r = 0; r < inView.length; r++) {
    if (!inView[r]) continue;
    const row = counts.get(question[r]);
    if (row) row[coding[r] === BY_HAND ? 0 : coding[r] === BY_MODEL ? 1 : read[r] ? 2 : 3]++;
  }
  const basedOn = [...counts.values()].reduce((s, row) => s + row.reduce((t, n) => t + n, 0), 0);
  if (!basedOn) return empty('No responses to open questions match these filters. Clear or widen the filters above.');
  return {
    state: 'ready',
    data: {
      layout: 'stacked-share',
      unit: 'responses',
      basedOn,
      series: SERIES.map(({ key, label }) => ({ key, label })),
      rows: open.map((q) => {
        const values = counts.get(q.id)!;
        return {
          key: String(q.id),
          label: q.code,
          description: questionTitle(q),
          values,
          base: values.reduce((s, n) => s + n, 0),
          filters: SERIES.map((s) => segmentFilter(ctx, q.id, s)),
        };
      }),
      categoryAxis: 'Open question',
      valueAxis: 'Share of responses',
      notes: countingNotes(ctx),
    },
  };
}
