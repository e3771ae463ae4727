import type { ChartData, DashboardFilter } from '../../../shared/api';
import { count, percent, shareBase } from './format';

export interface TableCell {
  count: number;
  /** "21%", or null where shares are not shown. */
  share: string | null;
  filter: DashboardFilter | null;
}

export interface TableRow {
  key: string;
  label: string;
  cells: TableCell[];
}

/** The chart's numbers as rows and columns: what the data table shows and the CSV holds. */
export function tableOf(data: ChartData): TableRow[] {
  return data.rows.map((row) => ({
    key: row.key,
    label: row.description ?? row.label,
    cells: row.values.map((value, i) => {
      const base = shareBase(data, row, i);
      return { count: value, share: base === null ? null : percent(value, base), filter: row.filters[i] };
    }),
  }));
}

/** What the share column is a share of, in words. */
export function shareOf(data: ChartData): string | null {
  switch (data.layout) {
    case 'bars':
      return `% of ${count(data.basedOn)}`;
    case 'stacked-share':
      return `% of ${data.categoryAxis.toLowerCase()}`;
    case 'grouped-share':
      return '% of group';
    case 'stacked':
      return null;
  }
}

/** The same numbers for a spreadsheet: counts and shares in columns of their own. */
export function csvRows(data: ChartData): (string | number)[][] {
  const hasShare = data.layout !== 'stacked';
  const head = [
    data.categoryAxis,
    ...data.series.flatMap((s) => (hasShare ? [s.label, `${s.label} (${shareOf(data)})`] : [s.label])),
  ];
  return [
    head,
    ...tableOf(data).map((r) => [
      r.label,
      ...r.cells.flatMap((c) => (hasShare ? [c.count, c.share ?? ''] : [c.count])),
    ]),
  ];
}
