/**
 * Horizontal bar charts, laid out once and drawn twice: as SVG (HTML, and in Word and OpenDocument where
 * SVG is supported) and as a PNG fallback for older Word (bars only: see png.ts).
 */
import { escapeXml } from '../writers/escape';

export interface Bar {
  label: string;
  share: number;
  count: number;
}

export const CHART = {
  width: 640,
  rowHeight: 30,
  barHeight: 20,
  labelWidth: 250,
  valueWidth: 70,
  padding: 8,
  fontSize: 13,
  colour: '#1d70b8',
  axis: '#b1b4b6',
  text: '#0b0c0c',
} as const;

export interface BarRow {
  y: number;
  height: number;
  barWidth: number;
  /** The label in one or two lines. */
  lines: string[];
  value: string;
}

export interface BarLayout {
  width: number;
  height: number;
  /** The bar area's left edge and width. */
  x0: number;
  span: number;
  rows: BarRow[];
}

const LINE_CHARS = 36;
const LINE_HEIGHT = 15;

/** Wraps a label at spaces into at most two lines; what does not fit ends in an ellipsis (the table has it all). */
export function wrapLabel(label: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (!line || (line + ' ' + word).length <= LINE_CHARS) line = line ? `${line} ${word}` : word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const fitted = lines.slice(0, 2).map((l) => (l.length > LINE_CHARS ? `${l.slice(0, LINE_CHARS - 1)}…` : l));
  if (lines.length > 2 && !fitted[1].endsWith('…')) fitted[1] = `${fitted[1].slice(0, LINE_CHARS - 1)}…`;
  return fitted.length ? fitted : [''];
}

export function layoutBars(bars: Bar[], formatShare: (share: number) => string): BarLayout {
  const x0 = CHART.labelWidth + CHART.padding;
  const span = CHART.width - x0 - CHART.valueWidth;
  // Scale to the largest bar so small shares stay visible; the value beside each bar gives the number.
  const max = Math.max(0.0001, ...bars.map((b) => b.share));
  let y = CHART.padding;
  const rows = bars.map((b) => {
    const lines = wrapLabel(b.label);
    const height = CHART.rowHeight + (lines.length - 1) * LINE_HEIGHT;
    const row = {
      y,
      height,
      barWidth: Math.max(b.share > 0 ? 1 : 0, Math.round((b.share / max) * span)),
      lines,
      value: formatShare(b.share),
    };
    y += height;
    return row;
  });
  return { width: CHART.width, height: y + CHART.padding, x0, span, rows };
}

/** A self-contained SVG: no scripts, no external references, text escaped. */
export function barChartSvg(title: string, bars: Bar[], formatShare: (share: number) => string): string {
  const l = layoutBars(bars, formatShare);
  const middle = (r: BarRow) => r.y + r.height / 2 + CHART.fontSize * 0.35;
  const rows = l.rows
    .map((r) => {
      const firstLine = middle(r) - ((r.lines.length - 1) * LINE_HEIGHT) / 2;
      const label = r.lines
        .map(
          (line, i) => `<tspan x="${CHART.labelWidth}" y="${firstLine + i * LINE_HEIGHT}">${escapeXml(line)}</tspan>`,
        )
        .join('');
      return (
        `<text text-anchor="end">${label}</text>` +
        `<rect x="${l.x0}" y="${r.y + (r.height - CHART.barHeight) / 2}" width="${r.barWidth}" height="${CHART.barHeight}" fill="${CHART.colour}"/>` +
        `<text x="${l.x0 + r.barWidth + 6}" y="${middle(r)}">${escapeXml(r.value)}</text>`
      );
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<g font-family="Arial, Helvetica, sans-serif" font-size="${CHART.fontSize}" fill="${CHART.text}">` +
    `<line x1="${l.x0}" y1="${CHART.padding / 2}" x2="${l.x0}" y2="${l.height - CHART.padding / 2}" stroke="${CHART.axis}"/>` +
    rows +
    '</g></svg>'
  );
}
