import type { ChartData, ChartRow } from '../../../shared/api';

export const count = (n: number): string => n.toLocaleString('en-GB');

export function percent(part: number, whole: number): string {
  if (!whole) return '–';
  const p = (100 * part) / whole;
  return `${p > 0 && p < 1 ? '<1' : Math.round(p)}%`;
}

/** What a value is a share of, by the chart's layout (null where shares are not shown). */
export function shareBase(data: ChartData, row: ChartRow, series: number): number | null {
  switch (data.layout) {
    case 'bars':
    case 'stacked-share':
      return row.base;
    case 'grouped-share':
      return data.series[series].base ?? null;
    case 'stacked':
      return null;
  }
}

/** The number drawn for a value: the count, or its share (0-100) where the layout compares shares. */
export function plotted(data: ChartData, row: ChartRow, series: number): number {
  const value = row.values[series];
  if (data.layout === 'bars' || data.layout === 'stacked') return value;
  const base = shareBase(data, row, series);
  return base ? (100 * value) / base : 0;
}

export const unitWord = (data: ChartData, n: number): string =>
  data.unit === 'respondents' ? (n === 1 ? 'respondent' : 'respondents') : n === 1 ? 'response' : 'responses';

/** Round ticks from 0 to at least `max` (steps of 1, 2, 2.5 or 5 times a power of ten; at most `most` steps). */
export function niceTicks(max: number, most = 5): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / most;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const whole = Math.max(1, step);
  const ticks: number[] = [];
  for (let t = 0; t < max + whole; t += whole) ticks.push(t);
  return ticks.at(-2)! >= max ? ticks.slice(0, -1) : ticks;
}
