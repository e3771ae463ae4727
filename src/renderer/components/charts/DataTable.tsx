import type { ChartData, DashboardFilter } from '../../../shared/api';
import { count, unitWord } from './format';
import { shareOf, tableOf } from './table';

interface Props {
  data: ChartData;
  caption: string;
  onOpen: (filter: DashboardFilter) => void;
}

/** The chart's numbers as a real table: for screen readers, for copying, and a second way to open responses. */
export function DataTable({ data, caption, onOpen }: Props) {
  const rows = tableOf(data);
  const share = shareOf(data);
  return (
    // Focusable so a keyboard can scroll a long table.
    <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={`Data table: ${caption}`}>
      <table className="chart-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{data.categoryAxis}</th>
            {data.series.map((s) => (
              <th scope="col" key={s.key} className="num">
                {data.series.length > 1 ? s.label : unitWord(data, 2).replace(/^./, (c) => c.toUpperCase())}
                {share && <span className="share-head"> ({share})</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, i) => {
                const text = `${count(c.count)}${c.share ? ` (${c.share})` : ''}`;
                const filter = c.filter;
                return (
                  <td key={data.series[i].key} className="num">
                    {filter && c.count > 0 ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => onOpen(filter)}
                        aria-label={`${text}: open the responses of ${r.label}${data.series.length > 1 ? `, ${data.series[i].label}` : ''}`}
                      >
                        {text}
                      </button>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
