import type { ChartResult } from '../../shared/api';
import {
  byCountThenLabel,
  capitalise,
  countingNotes,
  countRespondentsBy,
  empty,
  NO_MATCH,
  NOT_GIVEN,
  type ChartContext,
  respondentBars,
} from './common';
import { ELSEWHERE, focusPlaces, placeFilter, placeKeySql, placeLabel } from './places';

/** Respondents in view by respondent type, largest first; "Not given" apart. */
export function respondentsByType(ctx: ChartContext): ChartResult {
  const counts = countRespondentsBy(ctx, 'p.type');
  const basedOn = counts.reduce((s, c) => s + c.n, 0);
  if (!basedOn) return empty(NO_MATCH);
  const rows = counts
    .map((c) => ({ ...c, label: c.key === NOT_GIVEN ? 'Not given' : capitalise(c.key), apart: c.key === NOT_GIVEN }))
    .sort(byCountThenLabel)
    .map((c) => ({
      key: c.key,
      label: c.label,
      values: [c.n],
      base: basedOn,
      filters: [c.apart ? null : { ...ctx.filter, respondentTypes: [c.key] }],
      apart: c.apart || undefined,
    }));
  return respondentBars({
    basedOn,
    rows,
    categoryAxis: 'Respondent type',
    valueAxis: 'Respondents',
    notes: countingNotes(ctx),
  });
}

/** Respondents in view by place: the focus places in a fixed order, then "Elsewhere", then "Not given". */
export function respondentsByPlace(ctx: ChartContext): ChartResult {
  const focus = focusPlaces(ctx.db);
  const key = placeKeySql(focus);
  const counts = new Map(countRespondentsBy(ctx, key.sql, key.params).map((c) => [c.key, c.n]));
  const basedOn = [...counts.values()].reduce((s, n) => s + n, 0);
  if (!basedOn) return empty(NO_MATCH);
  const keys = [...focus, ...[ELSEWHERE, NOT_GIVEN].filter((k) => counts.has(k))];
  const notGiven = counts.get(NOT_GIVEN) ?? 0;
  return respondentBars({
    basedOn,
    rows: keys.map((k) => ({
      key: k,
      label: placeLabel(k),
      values: [counts.get(k) ?? 0],
      base: basedOn,
      filters: [placeFilter(ctx.db, ctx.filter, k, focus)],
      apart: k === NOT_GIVEN || undefined,
    })),
    categoryAxis: 'Place',
    valueAxis: 'Respondents',
    notes: [
      ...countingNotes(ctx),
      ...(notGiven ? [`${notGiven.toLocaleString('en-GB')} respondents did not give a place.`] : []),
    ],
  });
}
