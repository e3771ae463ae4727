/**
 * Exports a chart as a picture someone can paste into a briefing: the chart's own SVG with its title, what it
 * is based on, its legend and notes drawn around it, as SVG or as PNG (drawn on a canvas from a data URL,
 * which the page's content security policy allows for images).
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = "'Helvetica Neue', Arial, sans-serif";
const PAD = 16;
const TITLE_SIZE = 18;
const TEXT_SIZE = 13;
const LINE = 1.35;

export interface ExportText {
  title: string;
  subtitle?: string;
  basedOn: string;
  legend: { label: string; colour: string }[];
  notes: string[];
  source: string;
}

/** Splits text into lines of at most `chars` characters, at spaces. */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function text(
  doc: Document,
  x: number,
  y: number,
  content: string,
  size: number,
  options: { bold?: boolean; fill?: string } = {},
): SVGTextElement {
  const t = doc.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('font-size', String(size));
  t.setAttribute('font-family', FONT);
  t.setAttribute('fill', options.fill ?? '#0B0C0C');
  if (options.bold) t.setAttribute('font-weight', '700');
  t.textContent = content;
  return t;
}

/** A standalone SVG document: header, legend, the chart, notes and source. */
export function exportSvg(chart: SVGSVGElement, words: ExportText): { svg: string; width: number; height: number } {
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement as unknown as SVGSVGElement;
  const chartWidth = chart.width.baseVal.value || chart.getBoundingClientRect().width;
  const chartHeight = chart.height.baseVal.value || chart.getBoundingClientRect().height;
  const width = Math.max(chartWidth + 2 * PAD, 480);
  const chars = Math.floor((width - 2 * PAD) / (TEXT_SIZE * 0.55));
  const parts: SVGElement[] = [];
  let y = PAD;
  for (const line of wrap(words.title, Math.floor(chars * (TEXT_SIZE / TITLE_SIZE)))) {
    y += TITLE_SIZE * LINE;
    parts.push(text(doc, PAD, y, line, TITLE_SIZE, { bold: true }));
  }
  for (const line of [...(words.subtitle ? wrap(words.subtitle, chars) : []), words.basedOn]) {
    y += TEXT_SIZE * LINE;
    parts.push(text(doc, PAD, y, line, TEXT_SIZE, { fill: '#505A5F' }));
  }
  if (words.legend.length > 1) {
    y += TEXT_SIZE * 0.75;
    let x = PAD;
    for (const item of words.legend) {
      const w = 18 + item.label.length * TEXT_SIZE * 0.55 + 16;
      if (x + w > width - PAD) {
        x = PAD;
        y += TEXT_SIZE * LINE;
      }
      const swatch = doc.createElementNS(SVG_NS, 'rect');
      for (const [k, v] of Object.entries({ x: x, y: y, width: 12, height: 12, fill: item.colour }))
        swatch.setAttribute(k, String(v));
      parts.push(swatch, text(doc, x + 18, y + 11, item.label, TEXT_SIZE));
      x += w;
    }
    y += TEXT_SIZE * LINE;
  }
  y += PAD / 2;
  const clone = chart.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('x', String((width - chartWidth) / 2));
  clone.setAttribute('y', String(y));
  clone.setAttribute('width', String(chartWidth));
  clone.setAttribute('height', String(chartHeight));
  // Keyboard affordances mean nothing in a picture.
  for (const el of clone.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  for (const el of clone.querySelectorAll('.chart-focus-ring')) el.remove();
  parts.push(doc.importNode(clone, true) as SVGElement);
  y += chartHeight;
  for (const line of [...words.notes.flatMap((n) => wrap(n, chars)), words.source]) {
    y += TEXT_SIZE * LINE;
    parts.push(text(doc, PAD, y, line, TEXT_SIZE - 1, { fill: '#505A5F' }));
  }
  const height = Math.ceil(y + PAD);
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', FONT);
  const background = doc.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: '#FFFFFF' }))
    background.setAttribute(k, v);
  root.append(background, ...parts);
  return { svg: new XMLSerializer().serializeToString(doc), width, height };
}

/** Draws the SVG on a canvas at `scale` times its size and returns it as a PNG. */
export function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d');
      if (!context) return reject(new Error('This browser cannot draw the picture (no canvas).'));
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be made.'))),
        'image/png',
      );
    };
    image.onerror = () => reject(new Error('The chart could not be drawn as a picture.'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}

/** Saves a blob under a file name (the browser's download, or the app's save dialog). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Respondents by place" -> "respondents-by-place". */
export const fileSlug = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'chart';
