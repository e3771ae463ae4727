import type { ChartResult, ChartRow, DashboardFilter, TimeBucket } from '../../shared/api';
import { respondentsWhere } from './filter';
import { countingNotes, empty, NO_MATCH, type ChartContext } from './common';
import { campaignsDetected } from './schema';

const DAY_MS = 86_400_000;

const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The Monday on or before a day (YYYY-MM-DD). */
function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

const dayLabel = (day: string): string =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * Respondents in view by the day or week they submitted (UTC), every bucket from the first to the last shown
 * even when empty; split into campaign and other responses once campaigns have been detected.
 */
export function overTime(ctx: ChartContext, bucket: TimeBucket): ChartResult {
  const where = respondentsWhere(ctx.view);
  const split = campaignsDetected(ctx.db);
  // A respondent counts as a campaign response when one of their responses in view is in a campaign group.
  const campaignSql = split
    ? `p.id IN (SELECT r.respondent_id FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id JOIN response r ON r.id = m.response_id
        WHERE g.status <> 'dismissed'${ctx.view.response.map((c) => ` AND ${c}`).join('')})`
    : '0';
  const rows = ctx.db
    .prepare(
      `SELECT substr(p.submitted_at, 1, 10) AS bucket, ${campaignSql} AS campaign, count(*) AS n
         FROM respondent p WHERE ${where.sql} GROUP BY 1, 2`,
    )
    .all(...(split ? ctx.view.responseParams : []), ...where.params) as {
    bucket: string | null;
    campaign: 0 | 1;
    n: number;
  }[];
  const dated = rows.filter((r) => r.bucket !== null);
  const undated = rows.filter((r) => r.bucket === null).reduce((s, r) => s + r.n, 0);
  const basedOn = dated.reduce((s, r) => s + r.n, 0);
  if (!basedOn) return empty(undated ? 'None of the respondents in view has a submission date.' : NO_MATCH);

  const counts = new Map<string, [number, number]>();
  // SQL counts per day (from the submission index); days fold into weeks here, a few hundred rows at most.
  for (const r of dated) {
    const key = bucket === 'day' ? r.bucket! : weekOf(r.bucket!);
    const pair = counts.get(key) ?? [0, 0];
    pair[r.campaign ? 1 : 0] += r.n;
    counts.set(key, pair);
  }
  const keys = [...counts.keys()].sort();
  const step = bucket === 'day' ? 1 : 7;
  const chartRows: ChartRow[] = [];
  for (let day = keys[0]; day <= keys[keys.length - 1]; day = addDays(day, step)) {
    const [other, campaign] = counts.get(day) ?? [0, 0];
    const range: DashboardFilter = { ...ctx.filter, submittedFrom: day, submittedTo: addDays(day, step - 1) };
    chartRows.push({
      key: day,
      label: bucket === 'day' ? dayLabel(day) : `Week of ${dayLabel(day)}`,
      values: split ? [other, campaign] : [other],
      base: other + campaign,
      filters: split
        ? [
            { ...range, campaign: 'unique' },
            { ...range, campaign: 'member' },
          ]
        : [range],
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
      rows: chartRows,
      categoryAxis: bucket === 'day' ? 'Day submitted' : 'Week submitted (weeks start on Monday)',
      valueAxis: 'Respondents',
      notes: [
        ...countingNotes(ctx),
        ...(split ? [] : ['Campaign responses are shown apart once campaigns have been detected.']),
        ...(undated ? [`${undated.toLocaleString('en-GB')} respondents have no submission date.`] : []),
      ],
    },
  };
}
