import { memo, useRef, type KeyboardEvent, type ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { ChartData, DashboardFilter } from '../../../shared/api';
import { count, niceTicks, percent, plotted, shareBase, unitWord } from './format';
import { APART, seriesColours, textOn } from './palette';

const TEXT = '#0B0C0C';
const MUTED = '#505A5F';
const GRID = '#E5E6E7';
const FONT_SIZE = 13;
const MAX_LABEL_CHARS = 40;

interface Props {
  data: ChartData;
  /** Names the chart for screen readers: its title. */
  label: string;
  onOpen: (filter: DashboardFilter) => void;
}

const truncate = (s: string): string => (s.length > MAX_LABEL_CHARS ? `${s.slice(0, MAX_LABEL_CHARS - 1)}…` : s);

const shortDay = (key: string): string =>
  new Date(`${key}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Words for one bar, read out on focus and shown on hover. */
function describe(data: ChartData, rowIndex: number, series: number): string {
  const row = data.rows[rowIndex];
  const value = row.values[series];
  const base = shareBase(data, row, series);
  const name =
    data.series.length > 1
      ? `${row.description ?? row.label}, ${data.series[series].label}`
      : (row.description ?? row.label);
  const share =
    base === null ? '' : ` (${percent(value, base)}${data.layout === 'grouped-share' ? ` of ${count(base)}` : ''})`;
  return `${name}: ${count(value)} ${unitWord(data, value)}${share}`;
}

/**
 * A bar chart of the dashboard's numbers. Horizontal bars for categories (long labels stay readable),
 * upright bars over time. Bars that open responses are one tab stop per chart: arrow keys move between
 * them and Enter or Space opens the responses behind the focused bar, as a click does. Memoised: the page
 * re-renders as each chart's numbers arrive, and redrawing every other chart each time would cost more than
 * drawing them all once.
 */
export const BarChartView = memo(function BarChartView({ data, label, onOpen }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const colours = seriesColours(data.series);
  const timeline = data.layout === 'stacked';
  const stacked = data.layout === 'stacked' || data.layout === 'stacked-share';
  const shares = data.layout === 'stacked-share' || data.layout === 'grouped-share';
  const n = data.series.length;
  // Flat indices (row * series count + series) of bars that open responses, in reading order.
  const clickable = data.rows.flatMap((r, ri) => r.filters.flatMap((f, si) => (f ? [ri * n + si] : [])));
  const tabStop = clickable[0];

  const rows = data.rows.map(
    (row) =>
      Object.fromEntries([
        ['label', row.label],
        ['key', row.key],
        ...data.series.map((_, si) => [`s${si}`, plotted(data, row, si)]),
      ]) as Record<string, string | number>,
  );
  const longest = Math.max(...data.rows.map((r) => truncate(r.label).length));
  const categoryWidth = Math.min(290, 16 + longest * 7);
  // Counts are whole numbers: ticks on round numbers, the axis ending on the tick above the largest value.
  const largest = Math.max(
    ...data.rows.map((r, ri) =>
      stacked
        ? data.series.reduce((s, _, si) => s + plotted(data, data.rows[ri], si), 0)
        : Math.max(...data.series.map((_, si) => plotted(data, r, si))),
    ),
  );
  const ticks = data.layout === 'stacked-share' ? [0, 25, 50, 75, 100] : niceTicks(largest);
  const groupSize = data.layout === 'grouped-share' ? n : 1;
  const height = timeline ? 300 : Math.max(140, data.rows.length * (groupSize > 1 ? groupSize * 9 + 14 : 30) + 70);

  const focusBar = (flat: number) => {
    container.current?.querySelector<SVGGElement>(`[data-bar="${flat}"]`)?.focus();
  };
  // The roving tab stop moves in the DOM, not in React state: re-rendering recharts between a mouse press and
  // its release would replace the bar and lose the click.
  const onFocus = (flat: number) => {
    for (const bar of container.current?.querySelectorAll<SVGGElement>('[data-bar]') ?? [])
      bar.setAttribute('tabindex', bar.dataset.bar === String(flat) ? '0' : '-1');
  };
  const onKeyDown = (event: KeyboardEvent, flat: number) => {
    const at = clickable.indexOf(flat);
    const next: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowRight: at + 1,
      ArrowUp: at - 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: clickable.length - 1,
    };
    if (event.key in next) {
      event.preventDefault();
      focusBar(clickable[Math.max(0, Math.min(clickable.length - 1, next[event.key]))]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const filter = data.rows[Math.floor(flat / n)].filters[flat % n];
      if (filter) onOpen(filter);
    }
  };

  const shape = (series: number) =>
    function BarShape(props: BarShapeProps) {
      const { x, y, width, height: h, index } = props;
      const row = data.rows[index];
      // recharts may draw once more from the data it had before this render.
      if (!row) return <g />;
      const flat = index * n + series;
      const filter = row.filters[series];
      const fill = row.apart && n === 1 ? APART : colours[series];
      const words = describe(data, index, series);
      const value = row.values[series];
      const base = shareBase(data, row, series);
      // Labels: count and share after single bars; the share inside stacked segments wide enough to hold it.
      let valueLabel: ReactElement | null = null;
      if (data.layout === 'bars') {
        valueLabel = (
          <text x={x + width + 6} y={y + h / 2} dominantBaseline="central" fontSize={FONT_SIZE} fill={TEXT}>
            {count(value)}
            {base !== null && <tspan fill={MUTED}>{` (${percent(value, base)})`}</tspan>}
          </text>
        );
      } else if (data.layout === 'stacked-share' && width >= 34 && value > 0) {
        valueLabel = (
          <text
            x={x + width / 2}
            y={y + h / 2}
            dominantBaseline="central"
            textAnchor="middle"
            fontSize={12}
            fill={textOn(fill)}
          >
            {percent(value, base ?? 0)}
          </text>
        );
      } else if (data.layout === 'grouped-share' && h >= 8) {
        valueLabel = (
          <text x={x + width + 4} y={y + h / 2} dominantBaseline="central" fontSize={11} fill={MUTED}>
            {percent(value, base ?? 0)}
          </text>
        );
      }
      const rect = (
        <rect
          x={x}
          y={y}
          width={Math.max(0, width)}
          height={Math.max(0, h)}
          fill={fill}
          stroke={stacked ? '#FFFFFF' : undefined}
          strokeWidth={stacked ? 1 : 0}
        />
      );
      if (!filter) {
        return (
          <g>
            <title>{words}</title>
            {rect}
            {valueLabel}
          </g>
        );
      }
      // The value label stays outside the button: its name says the same in words.
      return (
        <g>
          <g
            className="chart-bar"
            data-bar={flat}
            role="button"
            tabIndex={flat === tabStop ? 0 : -1}
            aria-label={`${words}. Open these responses`}
            onClick={() => onOpen(filter)}
            onKeyDown={(e) => onKeyDown(e, flat)}
            onFocus={() => onFocus(flat)}
          >
            {/* The hover tooltip; the same words as the name, as axe's label-content-name-mismatch asks. */}
            <title>{`${words}. Open these responses`}</title>
            <rect
              className="chart-focus-ring"
              x={x - 3}
              y={y - 3}
              width={Math.max(0, width) + 6}
              height={Math.max(0, h) + 6}
              fill="none"
              stroke="#FFDD00"
              strokeWidth={4}
            />
            {rect}
          </g>
          {valueLabel && (
            <g aria-hidden="true" pointerEvents="none">
              {valueLabel}
            </g>
          )}
        </g>
      );
    };

  const valueTick = (v: number) => (shares ? `${Math.round(v)}%` : count(v));
  return (
    <div ref={container} className="chart-plot">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={rows}
          layout={timeline ? 'horizontal' : 'vertical'}
          margin={{
            top: 8,
            right: data.layout === 'bars' ? 96 : data.layout === 'grouped-share' ? 40 : 16,
            bottom: 28,
            left: 8,
          }}
          barCategoryGap={groupSize > 1 ? 6 : '20%'}
          barGap={1}
          accessibilityLayer={false}
          title={label}
        >
          <CartesianGrid stroke={GRID} horizontal={timeline} vertical={!timeline} />
          {timeline ? (
            <>
              <XAxis
                dataKey="key"
                type="category"
                tickFormatter={shortDay}
                tick={{ fill: TEXT, fontSize: 12 }}
                stroke={MUTED}
                minTickGap={12}
                label={{
                  value: data.categoryAxis,
                  position: 'insideBottom',
                  offset: -18,
                  fill: TEXT,
                  fontSize: FONT_SIZE,
                }}
              />
              <YAxis
                type="number"
                tickFormatter={valueTick}
                tick={{ fill: TEXT, fontSize: 12 }}
                stroke={MUTED}
                domain={[0, ticks.at(-1)!]}
                ticks={ticks}
                width={64}
                label={{
                  value: data.valueAxis,
                  angle: -90,
                  position: 'insideLeft',
                  offset: 4,
                  fill: TEXT,
                  fontSize: FONT_SIZE,
                  style: { textAnchor: 'middle' },
                }}
              />
            </>
          ) : (
            <>
              <XAxis
                type="number"
                tickFormatter={valueTick}
                domain={[0, ticks.at(-1)!]}
                ticks={ticks}
                tick={{ fill: TEXT, fontSize: 12 }}
                stroke={MUTED}
                allowDecimals={false}
                label={{
                  value: data.valueAxis,
                  position: 'insideBottom',
                  offset: -18,
                  fill: TEXT,
                  fontSize: FONT_SIZE,
                }}
              />
              <YAxis
                dataKey="label"
                type="category"
                width={categoryWidth}
                tickFormatter={truncate}
                tick={{ fill: TEXT, fontSize: FONT_SIZE }}
                stroke={MUTED}
                interval={0}
              />
            </>
          )}
          {data.series.map((s, si) => (
            <Bar
              key={s.key}
              dataKey={`s${si}`}
              name={s.label}
              stackId={stacked ? 'stack' : undefined}
              isAnimationActive={false}
              shape={shape(si)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});
