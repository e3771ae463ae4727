/**
 * The chart picture Word falls back to (and that travels with the picture when it is copied out): decoded
 * from a real DOCX written by a real export job, it must carry the title, every label and every bar's share
 * and count as drawn text, not just bars.
 */
import { strFromU8, unzlibSync, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportResult, ReportSummary } from '../../src/shared/api';
import { openWorkerDb } from '../../src/main/db/connection';
import { barValue, layoutBars, type Bar, type BarLayout } from '../../src/main/reports/charts/bars';
import { barChartPng } from '../../src/main/reports/charts/png';
import { outline, type Block } from '../../src/main/reports/outline';
import { redactorFor } from '../../src/main/reports/redaction';
import { buildSummary } from '../../src/main/reports/summary';
import { jobEnd } from '../helpers/jobs';
import { buildAnalysedSample, DEFAULTS, HOSTILE_THEME } from '../helpers/report-fixtures';
import { testBackend } from '../helpers/temp';

interface Image {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** Reads a PNG as the encoder writes it (8-bit RGB, filter type 0 on every row), checking each part. */
function decodePng(png: Uint8Array): Image {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = strFromU8(png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      expect([...data.subarray(8, 13)]).toEqual([8, 2, 0, 0, 0]);
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = unzlibSync(Uint8Array.from(idat.flatMap((d) => [...d])));
  expect(raw.length).toBe((width * 3 + 1) * height);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 3 + 1)]).toBe(0);
    rgb.set(raw.subarray(y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1)), y * width * 3);
  }
  return { width, height, rgb };
}

/** Pixels in a box (chart units, at the image's scale) that are dark like text: bars are blue, the axis grey. */
function inkIn(image: Image, scale: number, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = Math.round(y0 * scale); y < Math.min(image.height, Math.round(y1 * scale)); y++)
    for (let x = Math.round(x0 * scale); x < Math.min(image.width, Math.round(x1 * scale)); x++) {
      const i = (y * image.width + x) * 3;
      if (image.rgb[i] < 100 && image.rgb[i + 1] < 100 && image.rgb[i + 2] < 100) n++;
    }
  return n;
}

/** The boxes that differ between two images of the same size, as the set of pixel indices. */
function differing(a: Image, b: Image): number[] {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  const out: number[] = [];
  for (let i = 0; i < a.width * a.height; i++)
    if (a.rgb[3 * i] !== b.rgb[3 * i] || a.rgb[3 * i + 1] !== b.rgb[3 * i + 1] || a.rgb[3 * i + 2] !== b.rgb[3 * i + 2])
      out.push(i);
  return out;
}

/** Every text the chart must show has ink where the layout puts it; nothing dark elsewhere but text. */
function expectLabelled(image: Image, layout: BarLayout, scale: number): void {
  expect(layout.title.length).toBeGreaterThan(0);
  expect(inkIn(image, scale, 0, 0, layout.width, layout.rows[0].y), 'title').toBeGreaterThan(100);
  layout.rows.forEach((row, i) => {
    const bottom = row.y + row.height;
    expect(inkIn(image, scale, 0, row.y, layout.x0, bottom), `label ${i}`).toBeGreaterThan(40 * row.lines.length);
    expect(
      inkIn(image, scale, layout.x0 + row.barWidth + 1, row.y, layout.width, bottom),
      `value ${i}`,
    ).toBeGreaterThan(40);
  });
}

const BARS: Bar[] = [
  { label: 'Public transport to the hub and better bus routes between the five cities', share: 0.423, count: 1234 },
  { label: '<script>alert(1)</script> & "quotes"', share: 0.31, count: 905 },
  { label: 'Cymraeg: ŵyr a ŷd — café', share: 0.004, count: 12 },
];
const TITLE = 'Q1. What should TechNorth do first?: themes as a percentage of respondents';

describe('chart PNG for Word', () => {
  it('draws the title, each label and each share and count as text, each where the layout puts it', () => {
    const chart = barChartPng(TITLE, BARS);
    const image = decodePng(chart.png);
    const scale = image.width / chart.width;
    expect(scale).toBe(2);
    expect(image.height).toBe(chart.height * scale);
    const layout = layoutBars(BARS, TITLE);
    expectLabelled(image, layout, scale);
    expect(layout.rows.map((r) => r.value)).toEqual(['42% (1,234)', '31% (905)', '<1% (12)']);

    // A different label changes only that label's place; a different count only that value's place.
    const inBox = (i: number, x0: number, x1: number, row: (typeof layout.rows)[number]) => {
      const x = (i % image.width) / scale;
      const y = Math.floor(i / image.width) / scale;
      return x >= x0 && x < x1 && y >= row.y && y < row.y + row.height;
    };
    const relabelled = decodePng(
      barChartPng(
        TITLE,
        BARS.map((b, i) => (i === 1 ? { ...b, label: b.label.replace('alert', 'alarm') } : b)),
      ).png,
    );
    const labelChanges = differing(image, relabelled);
    expect(labelChanges.length).toBeGreaterThan(100);
    expect(labelChanges.every((i) => inBox(i, 0, layout.x0, layout.rows[1]))).toBe(true);
    const recounted = decodePng(
      barChartPng(
        TITLE,
        BARS.map((b, i) => (i === 0 ? { ...b, count: 4321 } : b)),
      ).png,
    );
    const valueChanges = differing(image, recounted);
    expect(valueChanges.length).toBeGreaterThan(20);
    const row0 = layout.rows[0];
    expect(valueChanges.every((i) => inBox(i, layout.x0 + row0.barWidth, layout.width, row0))).toBe(true);
    // Hostile text is drawn as the characters it is: escaping it first would draw different pixels.
    const escaped = barChartPng(
      TITLE,
      BARS.map((b, i) =>
        i === 1 ? { ...b, label: '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;' } : b,
      ),
    );
    expect(Buffer.from(escaped.png).equals(Buffer.from(chart.png))).toBe(false);
  });

  it('a real Word export carries each chart as a labelled PNG of the declared size, with the numbers in its alt text', async () => {
    const { dir, api } = testBackend();
    const fixture = buildAnalysedSample(join(dir, 'analysed.consult'));
    const db = openWorkerDb(fixture.path);
    const summary: ReportSummary = buildSummary(db, DEFAULTS, redactorFor(db, true));
    db.close();
    await api.call('project.open', { path: fixture.path });
    const job = await api.call('reports.export', {
      format: 'docx',
      options: DEFAULTS,
      path: join(dir, 'summary.docx'),
    });
    const done = await jobEnd(api, job.id);
    expect(done.error).toBeUndefined();
    const files = unzipSync(new Uint8Array(readFileSync((done.result as ExportResult).path)));
    const charts = outline(summary).filter((b): b is Extract<Block, { type: 'chart' }> => b.type === 'chart');
    expect(charts.length).toBeGreaterThan(0);
    const pngs = Object.entries(files).filter(([n]) => n.startsWith('word/media/') && n.endsWith('.png'));
    expect(pngs.length).toBe(charts.filter((c) => c.bars.length > 0).length);
    const document = strFromU8(files['word/document.xml']);
    const extents = [...document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [+m[1], +m[2]]);
    const unescape = (xml: string) =>
      xml
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    const descriptions = [...document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => unescape(m[1]));

    const chart = charts.find((c) => c.bars.some((b) => b.label === HOSTILE_THEME))!;
    expect(chart).toBeDefined();
    const expected = barChartPng(chart.title, chart.bars).png;
    const stored = pngs.find(([, bytes]) => Buffer.from(bytes).equals(Buffer.from(expected)));
    expect(stored, 'the chart with the hostile theme is in the document as its labelled PNG').toBeDefined();
    const image = decodePng(stored![1]);
    const scale = 2;
    // Word shows the picture at the chart's size in EMU (9525 a pixel): the PNG is drawn at twice that.
    expect(extents).toContainEqual([(image.width / scale) * 9525, (image.height / scale) * 9525]);
    expectLabelled(image, layoutBars(chart.bars, chart.title), scale);
    const alt = descriptions.find((d) => d.includes(HOSTILE_THEME));
    for (const bar of chart.bars) expect(alt).toContain(barValue(bar));
  });
});
