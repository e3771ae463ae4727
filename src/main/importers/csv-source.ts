import { createReadStream, statSync } from 'node:fs';
import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { CsvParser, parseCsv, sniffDelimiter, type CsvRecord } from './csv';
import { decoder, detectEncoding, type EncodingGuess } from './encoding';
import { toCsvLine, uniqueHeadings, type OpenedSource, type SourceItem } from './source';

const HEAD_BYTES = 256 * 1024;

export function readHead(path: string, bytes = HEAD_BYTES): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

const isBlank = (fields: readonly string[]): boolean => fields.every((f) => f.trim() === '');

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };
export const delimiterName = (d: string): string => DELIMITER_NAMES[d] ?? JSON.stringify(d);

function isQualtricsHeading(second: string[] | undefined, third: string[] | undefined): boolean {
  if (!second || !third) return false;
  const ids = third.filter((f) => /^\{"ImportId":/.test(f.trim())).length;
  return ids > 0 && ids >= third.length * 0.5;
}

/** Opens a delimited text file: detects encoding (unless given), delimiter and heading row. */
export function openCsv(path: string, encoding?: EncodingGuess): OpenedSource {
  const totalBytes = statSync(path).size;
  const head = readHead(path);
  const guess = encoding ?? detectEncoding(head);
  const text = decoder(guess.encoding).write(head);
  const ext = extname(path).toLowerCase();
  const { delimiter, fields } = sniffDelimiter(text, ext === '.tsv' || ext === '.tab' ? '\t' : undefined);
  const sample = head.length < totalBytes ? text.slice(0, Math.max(0, text.lastIndexOf('\n'))) : text;
  const records = parseCsv(sample, delimiter).records.filter((r) => !isBlank(r.fields));
  // Exports sometimes open with a title line or two: the heading is the first row as wide as the table.
  const titleRows = fields > 1 ? records.slice(0, 5).findIndex((r) => r.fields.length === fields) : 0;
  const heading = records[Math.max(0, titleRows)];
  const titles = new Set(titleRows > 0 ? records.slice(0, titleRows).map((r) => r.row) : []);
  // Qualtrics writes three heading rows: column ids, the question texts, and {"ImportId": ...} for each.
  const at = Math.max(0, titleRows);
  const qualtrics = isQualtricsHeading(records[at + 1]?.fields, records[at + 2]?.fields);
  const names = qualtrics
    ? records[at + 1].fields.map((text, i) => text.trim() || heading.fields[i])
    : (heading?.fields ?? []);
  const columns = uniqueHeadings(names);
  const headingRow = qualtrics ? records[at + 2].row : (heading?.row ?? 0);
  let bytes = 0;
  const warnings: string[] = [];
  if (qualtrics)
    warnings.push('A Qualtrics export: its three heading rows were read as one (the question texts name the columns).');
  if (titles.size)
    warnings.push(
      `The first ${titles.size === 1 ? 'row comes' : `${titles.size} rows come`} before the heading row (a title?): kept in quarantine, not imported.`,
    );
  if (heading && columns.length !== new Set(heading.fields.map((f) => f.trim().toLowerCase())).size) {
    warnings.push('Some columns have the same heading (or none); they are told apart as "(2)", "Column N".');
  }

  async function* items(): AsyncGenerator<SourceItem[]> {
    let batch: SourceItem[] = [];
    const width = columns.length;
    const parser = new CsvParser(delimiter, {
      record: (r: CsvRecord) => {
        if (titles.has(r.row)) {
          batch.push({
            kind: 'bad',
            row: r.row,
            reason: `row ${r.row} comes before the heading row (a title?): kept here, not imported`,
            raw: toCsvLine(r.fields, delimiter),
          });
          return;
        }
        if (r.row <= headingRow) return;
        if (isBlank(r.fields)) batch.push({ kind: 'empty', row: r.row });
        else if (r.fields.length !== width) {
          const where = r.line !== r.row ? ` (line ${r.line})` : '';
          batch.push({
            kind: 'bad',
            row: r.row,
            reason: `row ${r.row}${where} has ${r.fields.length} ${r.fields.length === 1 ? 'field' : 'fields'} but the heading row has ${width}`,
            raw: toCsvLine(r.fields, delimiter),
          });
        } else batch.push({ kind: 'row', row: r.row, columns, values: r.fields });
      },
      bad: (b) =>
        batch.push({ kind: 'bad', row: b.row, reason: `row ${b.row} (line ${b.line}): ${b.reason}`, raw: b.raw }),
    });
    const decode = decoder(guess.encoding);
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      bytes += (chunk as Buffer).length;
      parser.push(decode.write(chunk as Buffer));
      if (batch.length) {
        yield batch;
        batch = [];
      }
    }
    parser.push(decode.end());
    parser.end();
    if (batch.length) yield batch;
  }

  return {
    format: 'csv',
    encoding: guess.encoding,
    encodingReason: guess.reason,
    delimiter,
    sheets: [],
    sheet: null,
    columns,
    warnings,
    totalBytes,
    bytesRead: () => bytes,
    knownRows: null,
    items,
  };
}
