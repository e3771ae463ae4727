/**
 * Writes src/main/reports/charts/font-data.ts: Liberation Sans Regular (metric-compatible with Arial, the
 * charts' SVG font; SIL Open Font License 1.1) rasterised at the chart PNG's pixel size, so the PNG fallback
 * can draw its text with no font engine at run time. Chromium does the rasterising, from the TrueType file
 * pdfjs-dist ships (not a system font), so the output is the same on any machine with that Chromium.
 *
 *   npx tsx scripts/make-chart-font.ts && npx prettier --write src/main/reports/charts/font-data.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zlibSync } from 'fflate';
import { launchBrowser } from '../tests/helpers/browser';
import { packageRoot } from '../src/main/util/paths';

/** Pixels per em in the PNG: the charts' 13 px text at the PNG's scale of 2. */
const SIZE = 26;

/** ASCII, Latin-1 and Latin Extended-A (Welsh ŵ ŷ, most European names), and typographic punctuation. */
function codePoints(): number[] {
  const codes: number[] = [];
  for (let c = 0x20; c <= 0x7e; c++) codes.push(c);
  for (let c = 0xa0; c <= 0x17f; c++) if (c !== 0xad) codes.push(c);
  codes.push(0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x20ac, 0x2122, 0x2212);
  return codes;
}

interface Rendered {
  height: number;
  ascent: number;
  glyphs: { advance: number; left: number; width: number; alpha: number[] }[];
}

/** Runs in Chromium (as source, as this project's Node typings have no DOM): each glyph's coverage, cropped. */
const RASTERISE = `async ({ fontBase64, codes, size }) => {
  const bytes = Uint8Array.from(atob(fontBase64), (c) => c.charCodeAt(0));
  const face = new FontFace('ChartSans', bytes.buffer);
  await face.load();
  document.fonts.add(face);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.font = \`\${size}px ChartSans\`;
  const box = ctx.measureText('ŴÅjgÇ');
  const ascent = Math.ceil(box.fontBoundingBoxAscent);
  const height = ascent + Math.ceil(box.fontBoundingBoxDescent);
  const pad = size;
  const glyphs = codes.map((code) => {
    const ch = String.fromCodePoint(code);
    const advance = ctx.measureText(ch).width;
    canvas.width = Math.ceil(advance) + 2 * pad;
    canvas.height = height;
    ctx.font = \`\${size}px ChartSans\`;
    ctx.fillStyle = '#000';
    ctx.fillText(ch, pad, ascent);
    const data = ctx.getImageData(0, 0, canvas.width, height).data;
    let first = canvas.width;
    let last = -1;
    for (let x = 0; x < canvas.width; x++)
      for (let y = 0; y < height; y++)
        if (data[(y * canvas.width + x) * 4 + 3] > 0) {
          first = Math.min(first, x);
          last = Math.max(last, x);
        }
    if (last < 0) return { advance, left: 0, width: 0, alpha: [] };
    const alpha = [];
    for (let y = 0; y < height; y++)
      for (let x = first; x <= last; x++) alpha.push(data[(y * canvas.width + x) * 4 + 3]);
    return { advance, left: first - pad, width: last - first + 1, alpha };
  });
  return { height, ascent, glyphs };
}`;

async function main(): Promise<void> {
  const font = readFileSync(join(packageRoot(), 'node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf'));
  const codes = codePoints();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const input = JSON.stringify({ fontBase64: font.toString('base64'), codes, size: SIZE });
    const rendered = await page.evaluate<Rendered>(`(${RASTERISE})(${input})`);
    // Sixteen levels of coverage are plenty for anti-aliased text; two to a byte.
    const levels = rendered.glyphs.flatMap((g) => g.alpha.map((a) => Math.round(a / 17)));
    const packed = new Uint8Array(Math.ceil(levels.length / 2));
    levels.forEach((v, i) => (packed[i >> 1] |= i % 2 ? v : v << 4));
    const data = Buffer.from(zlibSync(packed, { level: 9 })).toString('base64');
    const list = (values: number[]) => `[${values.join(',')}]`;
    const source = `/**
 * Liberation Sans Regular at ${SIZE} px per em, written by scripts/make-chart-font.ts: do not edit.
 * Digitized data copyright (c) 2010 Google Corporation with Reserved Font Arimo, Tinos and Cousine;
 * copyright (c) 2012 Red Hat, Inc. with Reserved Font Name Liberation. SIL Open Font License 1.1.
 */
export const FONT_DATA = {
  size: ${SIZE},
  height: ${rendered.height},
  ascent: ${rendered.ascent},
  codes: ${list(codes)},
  /** Advance widths in 64ths of a pixel. */
  advances: ${list(rendered.glyphs.map((g) => Math.round(g.advance * 64)))},
  /** Where each bitmap starts relative to the pen, in pixels. */
  lefts: ${list(rendered.glyphs.map((g) => g.left))},
  widths: ${list(rendered.glyphs.map((g) => g.width))},
  /** Each glyph's coverage, width x height, in 4-bit levels two to a byte, zlib-compressed. */
  bitmaps: '${data}',
};
`;
    writeFileSync(join(packageRoot(), 'src/main/reports/charts/font-data.ts'), source);
    console.log(
      `${codes.length} glyphs, ${rendered.height} px high; ${packed.length} bytes packed, ${data.length} as base64`,
    );
  } finally {
    await browser.close();
  }
}

void main();
