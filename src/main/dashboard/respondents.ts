import type { ChartResult } from '../../shared/api';
import {
  barFilter,
  byCountThenLabel,
  capitalise,
  countingNotes,
  countRespondentsBy,
  empty,
  NO_MATCH,
  NOT_GIVEN,
  notGivenFilter,
  type ChartContext,
  respondentBars,
} from './common';
import { ELSEWHERE, focusPlaces, placeFilter, placeGroups, placeLabel } from './places';

/** Respondents in view by respondent type, largest first; "Not given" apart. */
export function respondentsByType(ctx: ChartContext): ChartResult {
  const { types, type } = ctx.facts;
  const counts = countRespondentsBy(ctx, type, types.length);
  const basedOn = ctx.view.respondentCount;
  if (!basedOn) return empty(NO_MATCH);
  const rows = counts
    .map((n, code) => ({
      code,
      n,
      label: code === 0 ? 'Not given' : capitalise(types[code - 1]),
      apart: code === 0,
    }))
    .filter((c) => c.n > 0)
    .sort(byCountThenLabel)
    .map((c) => ({
      key: c.code === 0 ? NOT_GIVEN : types[c.code - 1],
      label: c.label,
      values: [c.n],
      base: basedOn,
      filters: [c.apart ? notGivenFilter(ctx, 'type') : barFilter(ctx, { respondentTypes: [types[c.code - 1]] })],
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
  const focus = focusPlaces(ctx.facts);
  const groups = placeGroups(ctx.facts, focus);
  const byCode = countRespondentsBy(ctx, ctx.facts.place, ctx.facts.places.length);
  const counts = new Map<string, number>();
  byCode.forEach((n, code) => counts.set(groups[code], (counts.get(groups[code]) ?? 0) + n));
  const basedOn = ctx.view.respondentCount;
  if (!basedOn) return empty(NO_MATCH);
  const notGiven = byCode[0];
  const keys = [...focus, ...[ELSEWHERE, groups[0]].filter((k) => (counts.get(k) ?? 0) > 0)];
  return respondentBars({
    basedOn,
    rows: keys.map((k) => ({
      key: k,
      label: placeLabel(k),
      values: [counts.get(k) ?? 0],
      base: basedOn,
      filters: [placeFilter(ctx, k, focus)],
      apart: k === groups[0] || undefined,
    })),
    categoryAxis: 'Place',
    valueAxis: 'Respondents',
    notes: [
      ...countingNotes(ctx),
      ...(notGiven ? [`${notGiven.toLocaleString('en-GB')} respondents did not give a place.`] : []),
    ],
  });
}
