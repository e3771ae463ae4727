import type ExcelJS from 'exceljs';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SheetInfo } from '../../shared/api';
import { AppError } from '../util/errors';
import { readZipDirectory, readZipEntry, type ZipEntry } from './zip';
import { uniqueHeadings, type OpenedSource, type SourceItem } from './source';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : XML_ENTITIES[e.toLowerCase()],
  );

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

/** The workbook's sheets in order, with whether each is hidden, read from xl/workbook.xml. */
function listSheets(path: string, entries: ZipEntry[], what: string): SheetInfo[] {
  const entry = entries.find((e) => e.name === 'xl/workbook.xml');
  if (!entry) {
    if (entries.some((e) => e.name === 'word/document.xml'))
      throw new AppError(
        'BAD_FILE',
        `${what} is a Word document, not an Excel workbook: give it a .docx name to import its text.`,
      );
    throw new AppError('BAD_FILE', `${what} is a ZIP archive but not an Excel workbook (.xlsx).`);
  }
  const xml = readZipEntry(path, entry, what).toString('utf8');
  return [...xml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map((m) => {
    const state = attr(m[0], 'state');
    return { name: attr(m[0], 'name') ?? 'Sheet', hidden: state === 'hidden' || state === 'veryHidden' };
  });
}

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A cell's value as the text a person sees: formulas give their result, rich text its plain text. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDate(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

/** Shared strings are held in memory while a workbook is read; beyond this, CSV is the way. */
const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;

interface NamedReader {
  name?: string;
  state?: string;
}

/** Opens an .xlsx file after checking its ZIP directory; reads one sheet or every visible one, streamed. */
export function openXlsx(path: string, sheet: string | null | undefined): OpenedSource {
  const what = basename(path);
  const totalBytes = statSync(path).size;
  const entries = readZipDirectory(path, what);
  const sheets = listSheets(path, entries, what);
  // The reader keeps every shared string in memory: refuse a workbook whose strings alone would not fit.
  const strings = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  if (strings && strings.uncompressedSize > MAX_SHARED_STRINGS_BYTES) {
    throw new AppError(
      'BAD_FILE',
      `${what} holds ${(strings.uncompressedSize / 1024 ** 2).toFixed(0)} MB of text in one table, more than can be read from an Excel file safely. Save the sheet as CSV (UTF-8) in Excel and import that: CSV files of any size are streamed.`,
    );
  }
  if (sheet && !sheets.some((s) => s.name === sheet))
    throw new AppError('NOT_FOUND', `${what} has no sheet named "${sheet}".`);
  const wanted = sheet ? [sheet] : sheets.filter((s) => !s.hidden).map((s) => s.name);
  const warnings = sheet
    ? []
    : sheets.filter((s) => s.hidden).map((s) => `The hidden sheet "${s.name}" was not read (choose it to import it).`);
  const several = wanted.length > 1;
  let bytes = 0;

  async function* items(): AsyncGenerator<SourceItem[]> {
    // Loaded on first use, so a CSV import does not pay for it; before the stream opens, as the
    // byte counter below starts it flowing.
    const { default: excel } = await import('exceljs');
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => (bytes += chunk.length));
    const reader = new excel.stream.xlsx.WorkbookReader(stream, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // needed to tell dates from numbers
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    try {
      for await (const ws of reader) {
        const name = (ws as unknown as NamedReader).name ?? '';
        const take = wanted.includes(name);
        let columns: string[] | null = null;
        let batch: SourceItem[] = [];
        // A title above the table (one filled cell) is held until a row with several cells shows the heading.
        let titles: { row: number; values: string[] }[] = [];
        const part = several ? `sheet ${name}` : undefined;
        const dataRow = (rowNumber: number, values: string[], cols: readonly string[]): SourceItem => {
          const widths =
            values.length > cols.length
              ? [...cols, ...values.slice(cols.length).map((_, i) => `Column ${cols.length + i + 1}`)]
              : cols;
          while (values.length < widths.length) values.push('');
          return { kind: 'row', row: rowNumber, columns: widths, values, part };
        };
        /** Single cells all along: a one-column sheet, headed by its first cell. */
        const oneColumn = (): string[] => {
          const cols = uniqueHeadings(titles[0].values);
          for (const t of titles.slice(1)) batch.push(dataRow(t.row, t.values, cols));
          titles = [];
          return cols;
        };
        for await (const row of ws) {
          if (!take) continue; // still read through, so the reader moves on to the next part
          const raw = Array.isArray(row.values) ? row.values : [];
          const values: string[] = [];
          for (let c = 1; c < raw.length; c++) values.push(cellText(raw[c]).trim() === '' ? '' : cellText(raw[c]));
          if (!columns) {
            const filled = values.filter((v) => v !== '').length;
            if (filled === 0) continue;
            if (filled === 1 && titles.length < 5) {
              titles.push({ row: row.number, values });
              continue;
            }
            if (filled === 1) columns = oneColumn();
            else {
              columns = uniqueHeadings(values);
              for (const t of titles) {
                batch.push({
                  kind: 'bad',
                  row: t.row,
                  part,
                  reason: `row ${t.row} comes before the heading row (a title?): kept here, not imported`,
                  raw: t.values.filter(Boolean).join(' '),
                });
              }
              titles = [];
              continue;
            }
          }
          if (values.every((v) => v === '')) {
            batch.push({ kind: 'empty', row: row.number });
          } else {
            // Cells beyond the headings are kept under "Column N".
            batch.push(dataRow(row.number, values, columns));
          }
          if (batch.length >= 500) {
            yield batch;
            batch = [];
          }
        }
        if (!columns && titles.length) oneColumn();
        if (batch.length) yield batch;
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('BAD_FILE', `${what} could not be read as an Excel workbook: ${(error as Error).message}`);
    } finally {
      stream.destroy();
    }
  }

  return {
    format: 'xlsx',
    encoding: null,
    encodingReason: null,
    delimiter: null,
    sheets,
    sheet: sheet ?? null,
    columns: [],
    warnings,
    totalBytes,
    bytesRead: () => bytes,
    knownRows: null,
    items,
  };
}
