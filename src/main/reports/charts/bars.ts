/**
 * Horizontal bar charts, laid out once and drawn twice: as SVG (HTML, and in Word and OpenDocument where
 * SVG is supported) and as a PNG fallback for older Word (png.ts). Text is measured with the PNG's font,
 * which has Arial's metrics, so labels wrap and values fit the same way in both.
 */
import { formatCount, formatShare } from '../outline';
import { escapeXml } from '../writers/escape';
import { measureText } from './bitmap-font';

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
  padding: 8,
  fontSize: 13,
  lineHeight: 15,
  /** The gap between a bar and its value. */
  gap: 6,
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
  /** Share and count, e.g. "42% (1,234)". */
  value: string;
}

export interface BarLayout {
  width: number;
  height: number;
  /** The title in as many lines as it takes (only when a title is drawn in the chart). */
  title: string[];
  /** The bar area's left edge and width. */
  x0: number;
  span: number;
  rows: BarRow[];
}

/** A bar's value as the chart shows it: share and count, e.g. "42% (1,234)". */
export function barValue(bar: Bar): string {
  return `${formatShare(bar.share)} (${formatCount(bar.count)})`;
}

/** The chart in words, for its alt text. */
export function describeBars(bars: Bar[]): string {
  return bars.map((b) => `${b.label}: ${barValue(b)}`).join('; ');
}

const ELLIPSIS = '…';

/** Shortens a line to fit a width, ending it in an ellipsis. */
function fit(line: string, width: number): string {
  if (measureText(line, CHART.fontSize) <= width) return line;
  // One pass, character by character: a label can be one very long word.
  let kept = '';
  let used = measureText(ELLIPSIS, CHART.fontSize);
  for (const char of line) {
    used += measureText(char, CHART.fontSize);
    if (used > width) break;
    kept += char;
  }
  return kept.trimEnd() + ELLIPSIS;
}

/** Wraps text at spaces into lines that fit a width; past maxLines it ends in an ellipsis (the table has it all). */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line ? `${line} ${word}` : word;
    if (!line || measureText(longer, CHART.fontSize) <= width) line = longer;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const fitted = lines.slice(0, maxLines).map((l) => fit(l, width));
  const last = fitted.length - 1;
  if (lines.length > maxLines && !fitted[last].endsWith(ELLIPSIS))
    fitted[last] = fit(`${fitted[last]}${ELLIPSIS}`, width);
  return fitted.length ? fitted : [''];
}

const LABEL_LINES = 2;

/** Lays the bars out; with a title, the title goes above them (the PNG, which must make sense on its own). */
export function layoutBars(bars: Bar[], title?: string): BarLayout {
  const x0 = CHART.labelWidth + CHART.padding;
  const values = bars.map(barValue);
  const valueWidth = Math.max(0, ...values.map((v) => measureText(v, CHART.fontSize))) + CHART.gap + CHART.padding;
  const span = Math.floor(CHART.width - x0 - valueWidth);
  const titleLines = title ? wrapText(title, CHART.width - 2 * CHART.padding, 3) : [];
  // Scale to the largest bar so small shares stay visible; the value beside each bar gives the number.
  const max = Math.max(0.0001, ...bars.map((b) => b.share));
  let y = CHART.padding + (titleLines.length ? titleLines.length * CHART.lineHeight + CHART.padding : 0);
  const rows = bars.map((b, i) => {
    const lines = wrapText(b.label, CHART.labelWidth - CHART.padding, LABEL_LINES);
    const height = CHART.rowHeight + (lines.length - 1) * CHART.lineHeight;
    const row = {
      y,
      height,
      barWidth: Math.max(b.share > 0 ? 1 : 0, Math.round((b.share / max) * span)),
      lines,
      value: values[i],
    };
    y += height;
    return row;
  });
  return { width: CHART.width, height: y + CHART.padding, title: titleLines, x0, span, rows };
}

/** Where a row's first label line and its value sit: baselines, in chart units. */
export function rowBaselines(r: BarRow): { middle: number; firstLine: number } {
  const middle = r.y + r.height / 2 + CHART.fontSize * 0.35;
  return { middle, firstLine: middle - ((r.lines.length - 1) * CHART.lineHeight) / 2 };
}

/** A self-contained SVG: no scripts, no external references, text escaped. */
export function barChartSvg(title: string, bars: Bar[]): string {
  const l = layoutBars(bars);
  const rows = l.rows
    .map((r) => {
      const { middle, firstLine } = rowBaselines(r);
      const label = r.lines
        .map(
          (line, i) =>
            `<tspan x="${CHART.labelWidth}" y="${firstLine + i * CHART.lineHeight}">${escapeXml(line)}</tspan>`,
        )
        .join('');
      return (
        `<text text-anchor="end">${label}</text>` +
        `<rect x="${l.x0}" y="${r.y + (r.height - CHART.barHeight) / 2}" width="${r.barWidth}" height="${CHART.barHeight}" fill="${CHART.colour}"/>` +
        `<text x="${l.x0 + r.barWidth + CHART.gap}" y="${middle}">${escapeXml(r.value)}</text>`
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
