import type { ImportFormat, SheetInfo } from '../../shared/api';

/** One row of a source: values line up with columns (shared by every row of a CSV, per object in JSON). */
export interface SourceRow {
  kind: 'row';
  row: number;
  columns: readonly string[];
  values: readonly string[];
  /** Where the row came from when a source has several parts: a sheet, a document's file name. */
  part?: string;
}

/** A row that could not be read: kept whole with the reason. */
export interface SourceBad {
  kind: 'bad';
  row: number | null;
  reason: string;
  raw: string;
  part?: string;
}

export interface SourceEmpty {
  kind: 'empty';
  row: number;
}

export type SourceItem = SourceRow | SourceBad | SourceEmpty;

/** A file (or set of documents) opened for reading: what was detected, and its rows in batches. */
export interface OpenedSource {
  format: ImportFormat;
  encoding: string | null;
  encodingReason: string | null;
  delimiter: string | null;
  sheets: SheetInfo[];
  sheet: string | null;
  /** Columns known before reading rows (CSV/XLSX headings); JSON and documents add as rows arrive. */
  columns: string[];
  warnings: string[];
  /** Bytes of input in all, and read so far: for progress. */
  totalBytes: number;
  bytesRead(): number;
  /** Rows in the source when known without reading it (documents), else null. */
  knownRows: number | null;
  items(): AsyncGenerator<SourceItem[]>;
}

/** Makes headings unique and non-blank: "Column 3", "Comments (2)". */
export function uniqueHeadings(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base =
      h
        .replace(/^\uFEFF/, '')
        .replace(/\s+/g, ' ')
        .trim() || `Column ${i + 1}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** Writes fields back as one CSV line, to keep a bad row's text whole in quarantine. */
export function toCsvLine(fields: readonly string[], delimiter = ','): string {
  return fields
    .map((f) => (/["\r\n]/.test(f) || f.includes(delimiter) ? `"${f.replace(/"/g, '""')}"` : f))
    .join(delimiter);
}
