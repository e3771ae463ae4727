/** Importing response files: preview with a proposed mapping, the import job, its history and quarantine. */

export type ImportFormat = 'csv' | 'xlsx' | 'json' | 'jsonl' | 'documents';

/** What a column of a file becomes. */
export type ColumnRole = 'id' | 'open' | 'closed' | 'attribute' | 'themes' | 'ignore';

/** Attributes the respondent table has a place for; any other name is kept in the respondent's attributes. */
export type StandardAttribute = 'type' | 'organisation' | 'city' | 'submitted_at' | 'channel';

export interface ColumnMapping {
  /** The column's heading as the preview names it (duplicates get " (2)", blanks "Column N"). */
  column: string;
  role: ColumnRole;
  /**
   * open/closed: the question's code. An existing question's code maps this column to it (several files'
   * columns can share one question); a new code creates the question. themes: optionally, the question the
   * themes belong to.
   */
  question?: string;
  /** open/closed with a new code: the question's text (the heading when absent). */
  text?: string;
  /** attribute: a standard attribute or any other name (the heading when absent). */
  attribute?: string;
}

export interface ImportMapping {
  columns: ColumnMapping[];
}

export interface ColumnPreview {
  name: string;
  /** A few non-empty values from the first rows, shortened. */
  samples: string[];
  /** Rows in the sample with a value. */
  filled: number;
  /** Distinct values in the sample (capped at 1,000). */
  distinct: number;
  averageLength: number;
  /** Why the proposal chose this role, in a few words. */
  reason: string;
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface SourcePreview {
  /** Files read as one source: one spreadsheet/CSV/JSON file, or the documents of a folder or selection. */
  paths: string[];
  /** A short name for the source: the file name, or "12 documents in letters/". */
  name: string;
  format: ImportFormat;
  /** The text encoding used (csv, json, txt), e.g. "utf-8", "windows-1252", "utf-16le". */
  encoding: string | null;
  /** How the encoding was chosen ("byte order mark", "valid UTF-8", ...). */
  encodingReason: string | null;
  delimiter: string | null;
  sheets: SheetInfo[];
  /** The sheet read (xlsx); null for every sheet or other formats. */
  sheet: string | null;
  columns: ColumnPreview[];
  /** The first rows, as the columns above. */
  rows: string[][];
  /** Rows in the file: exact when known, else an estimate from the sample. */
  rowEstimate: number;
  rowEstimateExact: boolean;
  mapping: ImportMapping;
  /** The saved mapping applied, when one matches this layout. */
  savedMapping: string | null;
  /** Set when this exact file (same SHA-256) was imported before. */
  alreadyImported: { fileName: string; at: string } | null;
  warnings: string[];
  /** Set when the source cannot be imported at all; the rest is then empty. */
  error: string | null;
}

/** A question the mapping can point at: one in the project, or one another file in this preview proposes. */
export interface QuestionChoice {
  code: string;
  text: string;
  kind: 'open' | 'closed';
  existing: boolean;
}

export interface ImportPreview {
  sources: SourcePreview[];
  questions: QuestionChoice[];
}

export interface ImportSourceSpec {
  paths: string[];
  /** xlsx: the sheet to read; absent means every visible sheet with the same heading row. */
  sheet?: string | null;
  mapping: ImportMapping;
}

export interface QuarantinedRow {
  id: number;
  importId: number;
  fileName: string;
  rowNumber: number | null;
  kind: 'unreadable' | 'duplicate';
  reason: string;
  raw: string;
}

export interface FileSummary {
  name: string;
  paths: string[];
  /** imported: rows were written; empty: readable, nothing to write; refused/failed: nothing written. */
  status: 'imported' | 'empty' | 'refused' | 'failed';
  message: string;
  importId: number | null;
  format: ImportFormat | null;
  encoding: string | null;
  rowsRead: number;
  respondentsAdded: number;
  responsesAdded: number;
  /** Rows whose respondent was already present and which brought new answers or attributes to it. */
  merged: number;
  /** Rows whose respondent was already present with nothing new: not imported, kept in quarantine. */
  duplicates: number;
  quarantined: number;
  emptyRows: number;
  /** The first few quarantined rows, for the summary. */
  quarantineSample: { rowNumber: number | null; kind: 'unreadable' | 'duplicate'; reason: string }[];
}

export interface ImportSummary {
  files: FileSummary[];
  respondentsAdded: number;
  responsesAdded: number;
  quarantined: number;
  duplicates: number;
  questionsCreated: string[];
}

export interface ImportRecord {
  id: number;
  fileName: string;
  sourcePath: string | null;
  sheet: string | null;
  format: string;
  encoding: string | null;
  rowsTotal: number;
  rowsImported: number;
  rowsQuarantined: number;
  duplicates: number;
  importedBy: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface SavedMapping {
  id: number;
  name: string;
  columns: string[];
  mapping: ImportMapping;
  createdBy: string;
  createdAt: string;
}

export interface ImportApi {
  /** Reads the first rows of each file or folder and proposes a mapping; writes nothing. */
  'import.preview': { input: { paths: string[]; sheets?: Record<string, string | null> }; output: ImportPreview };
  /** Starts the import job; its result (on the job event) is an ImportSummary. */
  'import.start': { input: { sources: ImportSourceSpec[]; allowReimport?: boolean }; output: { jobId: string } };
  /** Asks the host for files to import (a dialog in the app); null when the user cancels. */
  'import.chooseFiles': { input: void; output: string[] | null };
  'import.history': { input: void; output: ImportRecord[] };
  'import.quarantine': {
    input: { importId?: number; offset: number; limit: number };
    output: { total: number; rows: QuarantinedRow[] };
  };
  /** The quarantine as CSV text (formula-safe), for the user to save and fix. */
  'import.quarantineExport': { input: { importId?: number }; output: { fileName: string; csv: string } };
  'import.mappings': { input: void; output: SavedMapping[] };
  'import.saveMapping': { input: { name: string; columns: string[]; mapping: ImportMapping }; output: SavedMapping };
  'import.deleteMapping': { input: { id: number }; output: null };
}
