import type { ChartResult, ChartRow, TimeBucket } from '../../shared/api';
import { dayString } from '../util/uk-time';
import { barFilter, countingNotes, empty, NO_MATCH, type ChartContext } from './common';
import { NO_DAY } from './facts';
import { IN_CAMPAIGN, IN_VIEW, OUTSIDE_CAMPAIGN } from './view';

const dayLabel = (day: number): string =>
  new Date(`${dayString(day)}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The Monday on or before a day (day 0, 1 January 1970, was a Thursday). */
const weekOf = (day: number): number => day - ((((day + 3) % 7) + 7) % 7);

/**
 * Respondents in view by the UK day or week they submitted, every bucket from the first to the last shown even
 * when empty; split into campaign and other responses once campaigns have been detected (a respondent counts
 * as a campaign response when one of their responses in view is in a campaign).
 */
export function overTime(ctx: ChartContext, bucket: TimeBucket): ChartResult {
  const split = ctx.facts.campaignsFound;
  const { day } = ctx.facts;
  const inView = ctx.view.respondents;
  // Per bucket: other respondents, campaign respondents, and those of them with answers of their own too.
  const counts = new Map<number, [number, number, number]>();
  let undated = 0;
  for (let p = 0; p < inView.length; p++) {
    if (!(inView[p] & IN_VIEW)) continue;
    if (day[p] === NO_DAY) {
      undated++;
      continue;
    }
    const key = bucket === 'day' ? day[p] : weekOf(day[p]);
    let pair = counts.get(key);
    if (!pair) counts.set(key, (pair = [0, 0, 0]));
    const campaign = split && inView[p] & IN_CAMPAIGN;
    pair[campaign ? 1 : 0]++;
    if (campaign && inView[p] & OUTSIDE_CAMPAIGN) pair[2]++;
  }
  const basedOn = ctx.view.respondentCount - undated;
  if (!basedOn) return empty(undated ? 'None of the respondents in view has a submission date.' : NO_MATCH);

  const keys = [...counts.keys()].sort((a, b) => a - b);
  const step = bucket === 'day' ? 1 : 7;
  const rows: ChartRow[] = [];
  for (let d = keys[0]; d <= keys[keys.length - 1]; d += step) {
    const [other, campaign, mixed] = counts.get(d) ?? [0, 0, 0];
    const range = { submittedFrom: dayString(d), submittedTo: dayString(d + step - 1) };
    rows.push({
      key: dayString(d),
      label: bucket === 'day' ? dayLabel(d) : `Week of ${dayLabel(d)}`,
      values: split ? [other, campaign] : [other],
      base: other + campaign,
      // "Outside campaigns" would also open campaign respondents with answers of their own (counted as campaign
      // responses here), so where there are any that bar opens nothing.
      filters: split
        ? [
            mixed ? null : barFilter(ctx, { ...range, campaign: 'unique' }),
            barFilter(ctx, { ...range, campaign: 'member' }),
          ]
        : [barFilter(ctx, range)],
    });
  }
  return {
    state: 'ready',
    data: {
      layout: 'stacked',
      unit: 'respondents',
      basedOn,
      series: split
        ? [
            { key: 'other', label: 'Other responses' },
            { key: 'campaign', label: 'Campaign responses' },
          ]
        : [{ key: 'respondents', label: 'Respondents' }],
      rows,
      categoryAxis: bucket === 'day' ? 'Day submitted (UK time)' : 'Week submitted (UK time; weeks start on Monday)',
      valueAxis: 'Respondents',
      notes: [
        ...countingNotes(ctx),
        ...(split ? [] : ['Campaign responses are shown apart once campaigns have been detected.']),
        ...(undated ? [`${undated.toLocaleString('en-GB')} respondents have no submission date.`] : []),
      ],
    },
  };
}
