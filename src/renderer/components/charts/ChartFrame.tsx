import { useId, useRef, useState, type ReactNode } from 'react';
import type { ChartData, ChartResult, DashboardFilter } from '../../../shared/api';
import { BarChartView } from './BarChartView';
import { toCsv } from './csv';
import { DataTable } from './DataTable';
import { download, exportSvg, fileSlug, svgToPng, type ExportText } from './export';
import { count, unitWord } from './format';
import { APART, seriesColours } from './palette';
import { csvRows } from './table';

interface Props {
  /** A stable name for the chart (its id in the contract), on the element as data-chart. */
  name: string;
  /** Says what is counted: "Respondents by place". */
  title: string;
  result: ChartResult | undefined;
  loading: boolean;
  error: string | null;
  onOpen: (filter: DashboardFilter) => void;
  /** Named in exported pictures: "Northern Futures: a consultation on TechNorth". */
  source: string;
  /** Controls of this chart alone (day or week, which closed question). */
  controls?: ReactNode;
}

const basedOnText = (data: ChartData): string => `Based on ${count(data.basedOn)} ${unitWord(data, data.basedOn)}`;

/**
 * The frame every dashboard chart sits in: a title that says what is counted, what it is based on, a legend,
 * the chart, its notes, a data table on request, and downloads (PNG, SVG, CSV). Before its numbers arrive,
 * and when there are none, it says so in words: never an empty axis.
 */
export function ChartFrame({ name, title, result, loading, error, onOpen, source, controls }: Props) {
  const id = useId();
  const plot = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const data = result?.state === 'ready' ? result.data : null;
  const fullTitle = data?.subject ? `${title} — ${data.subject}` : title;

  const words = (d: ChartData): ExportText => {
    const colours = seriesColours(d.series);
    return {
      title,
      subtitle: d.subject,
      basedOn: basedOnText(d),
      legend: d.series.map((s, i) => ({ label: s.label, colour: d.series.length === 1 ? colours[0] : colours[i] })),
      notes: d.notes,
      source: `Source: ${source}. Consultation Analyser, ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.`,
    };
  };
  const picture = (d: ChartData) => {
    const svg = plot.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) throw new Error('The chart is not drawn yet.');
    return exportSvg(svg, words(d));
  };
  const run = (task: () => Promise<void> | void) => {
    setExportError(null);
    Promise.resolve()
      .then(task)
      .catch((e: unknown) => setExportError(e instanceof Error ? e.message : String(e)));
  };
  const slug = fileSlug(fullTitle);

  let body: ReactNode;
  if (error) {
    body = (
      <p role="alert" className="error">
        {error}
      </p>
    );
  } else if (!result) {
    body = <p className="chart-message">Counting…</p>;
  } else if (result.state === 'unavailable') {
    body = (
      <div className="chart-message notice">
        <p>
          <strong>{result.reason}</strong>
        </p>
        <p>{result.action}</p>
      </div>
    );
  } else if (result.state === 'empty') {
    body = <p className="chart-message notice">{result.reason}</p>;
  } else {
    const d = result.data;
    const colours = seriesColours(d.series);
    body = (
      <>
        <p className="chart-based-on">{basedOnText(d)}</p>
        {d.series.length > 1 && (
          <ul className="chart-legend" aria-label="Key">
            {d.series.map((s, i) => (
              <li key={s.key}>
                <span className="swatch" style={{ background: colours[i] }} aria-hidden="true" />
                {s.label}
              </li>
            ))}
          </ul>
        )}
        {d.series.length === 1 && d.rows.some((r) => r.apart) && (
          <ul className="chart-legend" aria-label="Key">
            <li>
              <span className="swatch" style={{ background: APART }} aria-hidden="true" />
              Shown apart:{' '}
              {d.rows
                .filter((r) => r.apart)
                .map((r) => r.label)
                .join(', ')}
            </li>
          </ul>
        )}
        <div ref={plot}>
          {/* A new set of bars is a new chart: recharts keeps no state across them. */}
          <BarChartView
            key={`${d.series.map((s) => s.key).join('|')}:${d.rows.map((r) => r.key).join('|')}`}
            data={d}
            label={fullTitle}
            onOpen={onOpen}
          />
        </div>
        {d.notes.length > 0 && (
          <ul className="chart-notes">
            {d.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
        <div className="chart-actions">
          <button
            type="button"
            aria-expanded={showTable}
            aria-controls={`${id}-table`}
            onClick={() => setShowTable((s) => !s)}
          >
            {showTable ? 'Hide data table' : 'Show data table'}
          </button>
          <span className="chart-downloads" role="group" aria-label={`Download ${title}`}>
            <span className="muted">Download</span>
            <button
              type="button"
              aria-label={`Download ${title} as PNG`}
              onClick={() =>
                run(async () => {
                  const p = picture(d);
                  download(await svgToPng(p.svg, p.width, p.height), `${slug}.png`);
                })
              }
            >
              PNG
            </button>
            <button
              type="button"
              aria-label={`Download ${title} as SVG`}
              onClick={() => run(() => download(new Blob([picture(d).svg], { type: 'image/svg+xml' }), `${slug}.svg`))}
            >
              SVG
            </button>
            <button
              type="button"
              aria-label={`Download the numbers of ${title} as CSV`}
              onClick={() =>
                run(() => download(new Blob([toCsv(csvRows(d))], { type: 'text/csv;charset=utf-8' }), `${slug}.csv`))
              }
            >
              CSV
            </button>
          </span>
        </div>
        {exportError && (
          <p role="alert" className="error">
            {exportError}
          </p>
        )}
        <div id={`${id}-table`} hidden={!showTable}>
          {showTable && <DataTable data={d} caption={`${fullTitle}. ${basedOnText(d)}.`} onOpen={onOpen} />}
        </div>
      </>
    );
  }

  return (
    <section
      className={`chart-card chart-${name}`}
      data-chart={name}
      aria-labelledby={`${id}-title`}
      aria-busy={loading}
    >
      <div className="chart-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {controls}
      </div>
      {data?.subject && <p className="chart-subject">{data.subject}</p>}
      <div className={loading && result ? 'chart-body updating' : 'chart-body'}>{body}</div>
    </section>
  );
}
