/**
 * Text for the chart PNG without a font engine (the PNG is drawn in the CLI and in worker threads, with no
 * canvas or browser): an embedded anti-aliased bitmap of Liberation Sans, which has Arial's metrics, so the
 * same measurements lay out the SVG (drawn in Arial) and the PNG alike. Text is only ever pixels here.
 */
import { unzlibSync } from 'fflate';
import { FONT_DATA } from './font-data';

interface Glyph {
  /** Advance in pixels at the bitmap's size. */
  advance: number;
  left: number;
  width: number;
  /** Index of the glyph's first coverage level in the decoded levels. */
  offset: number;
}

let glyphs: Map<number, Glyph> | null = null;
let levels: Uint8Array | null = null;

function load(): { glyphs: Map<number, Glyph>; levels: Uint8Array } {
  if (!glyphs || !levels) {
    const packed = unzlibSync(Uint8Array.from(Buffer.from(FONT_DATA.bitmaps, 'base64')));
    levels = new Uint8Array(packed.length * 2);
    packed.forEach((byte, i) => {
      levels![2 * i] = (byte >> 4) * 17;
      levels![2 * i + 1] = (byte & 15) * 17;
    });
    glyphs = new Map();
    let offset = 0;
    FONT_DATA.codes.forEach((code, i) => {
      const width = FONT_DATA.widths[i];
      glyphs!.set(code, { advance: FONT_DATA.advances[i] / 64, left: FONT_DATA.lefts[i], width, offset });
      offset += width * FONT_DATA.height;
    });
  }
  return { glyphs, levels };
}

const QUESTION_MARK = 0x3f;

/** The glyph for a character: itself, else its letter without accents (ǹ → n), else a question mark. */
function glyphFor(char: string): Glyph {
  const { glyphs: all } = load();
  return (
    all.get(char.codePointAt(0) ?? QUESTION_MARK) ??
    all.get(char.normalize('NFD').codePointAt(0) ?? QUESTION_MARK) ??
    all.get(QUESTION_MARK)!
  );
}

/** A line's width in pixels at a font size (the bitmap's advances, scaled). */
export function measureText(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += glyphFor(char).advance;
  return (width * size) / FONT_DATA.size;
}

/** The line height and baseline of the bitmap, in pixels at its own size. */
export const FONT_METRICS = { size: FONT_DATA.size, height: FONT_DATA.height, ascent: FONT_DATA.ascent };

/** RGB pixels, 3 bytes each, row by row. */
export interface Raster {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/**
 * Draws one line of text at the bitmap's own size with its top-left at (x, y), blending the glyphs'
 * coverage over what is there. Anything outside the raster is clipped.
 */
export function drawText(raster: Raster, text: string, x: number, y: number, colour: [number, number, number]): void {
  const { levels: coverage } = load();
  let pen = x;
  for (const char of text) {
    const g = glyphFor(char);
    const left = Math.round(pen) + g.left;
    for (let row = 0; row < FONT_DATA.height; row++) {
      const py = y + row;
      if (py < 0 || py >= raster.height) continue;
      for (let col = 0; col < g.width; col++) {
        const px = left + col;
        const a = coverage[g.offset + row * g.width + col];
        if (a === 0 || px < 0 || px >= raster.width) continue;
        const i = (py * raster.width + px) * 3;
        for (let c = 0; c < 3; c++)
          raster.rgb[i + c] = Math.round((raster.rgb[i + c] * (255 - a) + colour[c] * a) / 255);
      }
    }
    pen += g.advance;
  }
}
