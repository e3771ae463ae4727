/**
 * A PNG of a bar chart, for Word versions that cannot show SVG and for anyone who copies the picture out of
 * the document, so it carries everything on its own: the title, each label, each bar with its share and
 * count, and the axis. Drawn at twice the chart's size with the embedded bitmap font (no canvas or browser:
 * this runs in the CLI and in worker threads) and encoded with fflate's zlib.
 */
import { zlibSync } from 'fflate';
import { CHART, layoutBars, rowBaselines, type Bar } from './bars';
import { drawText, FONT_METRICS, measureText, type Raster } from './bitmap-font';

/** Pixels per chart unit: the bitmap font is drawn at its own size, which is the chart's text at this scale. */
const SCALE = FONT_METRICS.size / CHART.fontSize;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes 8-bit RGB pixels (width * height * 3 bytes) as a PNG. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter method, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function hex(colour: string): [number, number, number] {
  const n = parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function barChartPng(title: string, bars: Bar[]): { png: Uint8Array; width: number; height: number } {
  const l = layoutBars(bars, title);
  const raster: Raster = { width: l.width * SCALE, height: l.height * SCALE, rgb: new Uint8Array(0) };
  raster.rgb = new Uint8Array(raster.width * raster.height * 3).fill(255);
  const fill = (x: number, y: number, w: number, h: number, colour: string): void => {
    const [r, g, b] = hex(colour);
    for (let yy = Math.max(0, Math.round(y)); yy < Math.min(raster.height, Math.round(y + h)); yy++) {
      for (let xx = Math.max(0, Math.round(x)); xx < Math.min(raster.width, Math.round(x + w)); xx++) {
        const i = (yy * raster.width + xx) * 3;
        raster.rgb[i] = r;
        raster.rgb[i + 1] = g;
        raster.rgb[i + 2] = b;
      }
    }
  };
  const ink = hex(CHART.text);
  /** Text by its baseline in chart units, anchored at its start or its end. */
  const text = (line: string, x: number, baseline: number, anchor: 'start' | 'end' = 'start', bold = false): void => {
    const left = Math.round(anchor === 'end' ? (x - measureText(line, CHART.fontSize)) * SCALE : x * SCALE);
    const top = Math.round(baseline * SCALE) - FONT_METRICS.ascent;
    drawText(raster, line, left, top, ink);
    // One font only: the title is emboldened by drawing it again a pixel to the right.
    if (bold) drawText(raster, line, left + 1, top, ink);
  };
  l.title.forEach((line, i) =>
    text(line, CHART.padding, CHART.padding + CHART.fontSize + i * CHART.lineHeight, 'start', true),
  );
  const axisTop = l.rows.length ? l.rows[0].y - CHART.padding / 2 : CHART.padding / 2;
  fill(l.x0 * SCALE, axisTop * SCALE, SCALE, (l.height - CHART.padding / 2 - axisTop) * SCALE, CHART.axis);
  for (const row of l.rows) {
    const { middle, firstLine } = rowBaselines(row);
    row.lines.forEach((line, i) => text(line, CHART.labelWidth, firstLine + i * CHART.lineHeight, 'end'));
    fill(
      l.x0 * SCALE,
      (row.y + (row.height - CHART.barHeight) / 2) * SCALE,
      row.barWidth * SCALE,
      CHART.barHeight * SCALE,
      CHART.colour,
    );
    text(row.value, l.x0 + row.barWidth + CHART.gap, middle);
  }
  return { png: encodePng(raster.width, raster.height, raster.rgb), width: l.width, height: l.height };
}
