/**
 * Data tables as one Excel workbook, a sheet each, streamed: each row becomes XML, is deflated by fflate's
 * streaming zip and written to the file at once, so memory stays flat however many rows there are.
 * (exceljs's streaming writer was tried first: it queues rows ahead of its compressor without backpressure
 * and grew past 1 GB at a million rows.) Every cell is an inline string or a number, never a formula, and
 * text is neutralised as in CSV; a table longer than a sheet allows continues on the next sheet.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { DataTable } from '../data/tables';
import { safeCell } from './cells';
import { escapeXml } from './escape';

/** Excel's rows per sheet. */
const MAX_ROWS = 1_048_576;
/** A zip entry without ZIP64 holds under 4 GiB: a sheet moves on well before. */
const MAX_SHEET_BYTES = 3_500_000_000;
const FLUSH_CHARS = 256 * 1024;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(value: string | number | null, ref: string, style: number): string {
  const safe = safeCell(value);
  if (safe === null) return '';
  const s = style ? ` s="${style}"` : '';
  if (typeof safe === 'number') return Number.isFinite(safe) ? `<c r="${ref}"${s}><v>${safe}</v></c>` : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(safe)}</t></is></c>`;
}

function rowXml(cells: (string | number | null)[], row: number, columns: string[], style = 0): string {
  return `<row r="${row}">${cells.map((c, i) => cellXml(c, `${columns[i]}${row}`, style)).join('')}</row>`;
}

function sheetName(name: string, part: number): string {
  // Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters.
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 26);
  return part === 1 ? base : `${base} (${part})`;
}

/** Column widths in characters: wide for free text, narrow for codes and numbers. */
function widths(table: DataTable): string {
  const cols = table.columns
    .map((name, i) => {
      const width = /^(response|note|description|question_text)$/.test(name)
        ? 80
        : /^(themes|organisation|theme)$/.test(name)
          ? 40
          : 16;
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  return `<cols>${cols}</cols>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Arial"/></font><font><b/><sz val="11"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`;

export function writeXlsx(tables: DataTable[], path: string): void {
  const fd = openSync(path, 'w');
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else writeSync(fd, chunk);
  });
  const file = (name: string, text: string): void => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  };
  try {
    const sheets: string[] = [];
    for (const table of tables) {
      const columns = table.columns.map((_, i) => columnName(i));
      const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>${widths(table)}<sheetData>`;
      let entry: ZipDeflate | null = null;
      let part = 0;
      let row = 0;
      let bytes = 0;
      let pending = '';
      const flush = (final = false): void => {
        entry?.push(strToU8(pending), final);
        pending = '';
      };
      const open = (): void => {
        sheets.push(sheetName(table.name, ++part));
        entry = new ZipDeflate(`xl/worksheets/sheet${sheets.length}.xml`, { level: 6 });
        zip.add(entry);
        pending = head + rowXml(table.columns, 1, columns, 1);
        row = 1;
        bytes = pending.length;
      };
      const close = (): void => {
        pending += '</sheetData></worksheet>';
        flush(true);
      };
      open();
      for (const cells of table.rows()) {
        if (row === MAX_ROWS || bytes > MAX_SHEET_BYTES) {
          close();
          open();
        }
        const xml = rowXml(cells, ++row, columns);
        pending += xml;
        bytes += xml.length;
        if (pending.length >= FLUSH_CHARS) flush();
        if (failure) throw failure;
      }
      close();
    }
    file('[Content_Types].xml', contentTypes(sheets.length));
    file(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    file(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
        .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    );
    file(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join(
          '',
        )}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    );
    file('xl/styles.xml', STYLES);
    zip.end();
    if (failure) throw failure;
    closeSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
}

function contentTypes(sheets: number): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`;
}
