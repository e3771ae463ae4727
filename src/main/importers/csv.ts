/**
 * A streaming CSV parser: text arrives in chunks of any size; records come out as arrays of fields.
 * Handles \r\n, \n and \r line ends, quoted fields with doubled quotes and embedded newlines, and any
 * one-character delimiter. A quote that is never closed does not swallow the rest of the file: the lines
 * from the record's start to the line the quote opened on are reported as a bad record and parsing resumes
 * on the next line. A quoted field larger than the limit is treated the same way, so memory stays bounded.
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based record number, as a spreadsheet would number the row (the heading is row 1). */
  row: number;
  /** 1-based line the record starts on (differs from row when fields hold newlines). */
  line: number;
}

export interface CsvBadRecord {
  row: number;
  line: number;
  reason: string;
  raw: string;
}

export interface CsvHandlers {
  record(record: CsvRecord): void;
  bad(bad: CsvBadRecord): void;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either the first of a doubled quote or the closing one. */
  QuoteInQuoted,
  /** After a closing quote: a delimiter or line end should follow. */
  AfterQuoted,
  /** After a runaway quote cut in the middle of a line: skip to the line's end. */
  SkipLine,
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** The most characters a quoted field may hold before it is taken for an unterminated quote (~32 MB). */
export const MAX_FIELD_CHARS = 16 * 1024 * 1024;

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf('\n', from);
  while (i !== -1 && i < to) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

export class CsvParser {
  private readonly delimiterCode: number;
  private readonly stop: RegExp;
  private state: State = State.FieldStart;
  private fields: string[] = [];
  private field = '';
  /** Raw text of the current record from earlier chunks (only kept while a record spans chunks). */
  private rawParts: string[] = [];
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private row = 0;
  private skipLf = false;

  constructor(
    readonly delimiter: string,
    private readonly handlers: CsvHandlers,
    private readonly maxFieldChars = MAX_FIELD_CHARS,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
      throw new Error(`Bad delimiter ${JSON.stringify(delimiter)}`);
    this.delimiterCode = delimiter.charCodeAt(0);
    const escaped = delimiter.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    this.stop = new RegExp(`[${escaped}\\r\\n]`, 'g');
  }

  /** Records parsed so far (including the heading row). */
  get rows(): number {
    return this.row;
  }

  push(text: string): void {
    let pending: string | null = text;
    while (pending !== null) pending = this.parse(pending, false);
  }

  end(): void {
    let pending: string | null = '';
    while (pending !== null) pending = this.parse(pending, true);
  }

  /** Parses one piece of text; returns text to parse next when a runaway quote was cut out, else null. */
  private parse(text: string, final: boolean): string | null {
    const n = text.length;
    let i = 0;
    let recordStart = 0;
    while (i < n) {
      if (this.skipLf) {
        this.skipLf = false;
        if (text.charCodeAt(i) === LF) {
          i++;
          recordStart = i;
          continue;
        }
      }
      switch (this.state) {
        case State.FieldStart: {
          if (text.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            i++;
          } else {
            this.state = State.Unquoted;
          }
          break;
        }
        case State.Unquoted: {
          this.stop.lastIndex = i;
          const match = this.stop.exec(text);
          const j = match ? match.index : n;
          this.field = this.field ? this.field + text.slice(i, j) : text.slice(i, j);
          i = j;
          if (j === n) break;
          const c = text.charCodeAt(j);
          i = j + 1;
          if (c === this.delimiterCode) {
            this.fields.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
          } else {
            this.endRecord();
            this.line++;
            if (c === CR) this.skipLf = true;
            recordStart = i;
          }
          break;
        }
        case State.Quoted: {
          const q = text.indexOf('"', i);
          const j = q === -1 ? n : q;
          this.line += countNewlines(text, i, j);
          this.field += text.slice(i, j);
          i = q === -1 ? n : q + 1;
          if (q !== -1) this.state = State.QuoteInQuoted;
          if (this.field.length > this.maxFieldChars) {
            return this.runaway(
              text,
              recordStart,
              i,
              `a quoted field starting on line ${this.quoteLine} runs on for more than ${this.maxFieldChars.toLocaleString('en-GB')} characters (probably a missing closing quote)`,
            );
          }
          break;
        }
        case State.QuoteInQuoted: {
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else {
            this.state = State.AfterQuoted;
          }
          break;
        }
        case State.AfterQuoted: {
          const c = text.charCodeAt(i);
          if (c === this.delimiterCode) {
            this.fields.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
            i++;
          } else if (c === LF || c === CR) {
            this.endRecord();
            this.line++;
            i++;
            if (c === CR) this.skipLf = true;
            recordStart = i;
          } else if (this.line > this.quoteLine) {
            // A "closing" quote lines later with text straight after it: the quote on quoteLine was never
            // closed and this one opens a later field. Cut out the broken lines and read on.
            return this.runaway(
              text,
              recordStart,
              i,
              `a quoted field starting on line ${this.quoteLine} is never closed`,
            );
          } else {
            // Text after a closing quote ("a"b): keep it, as spreadsheet programs do.
            this.state = State.Unquoted;
          }
          break;
        }
        case State.SkipLine: {
          const nl = text.indexOf('\n', i);
          if (nl === -1) {
            i = n;
            break;
          }
          i = nl + 1;
          recordStart = i;
          this.line++;
          this.recordLine = this.line;
          this.state = State.FieldStart;
          break;
        }
      }
    }
    if (recordStart < n && !this.atRecordStart() && this.state !== State.SkipLine) {
      this.rawParts.push(text.slice(recordStart));
    }
    if (final) {
      if (this.state === State.SkipLine) this.state = State.FieldStart;
      if (this.state === State.Quoted) {
        return this.runaway('', 0, 0, `a quoted field starting on line ${this.quoteLine} is never closed`);
      }
      if (!this.atRecordStart()) this.endRecord();
    }
    return null;
  }

  private atRecordStart(): boolean {
    return this.state === State.FieldStart && this.fields.length === 0 && this.field === '';
  }

  private endRecord(): void {
    this.fields.push(this.field);
    this.row++;
    const record: CsvRecord = { fields: this.fields, row: this.row, line: this.recordLine };
    this.fields = [];
    this.field = '';
    this.state = State.FieldStart;
    this.rawParts = [];
    this.recordLine = this.line + 1;
    this.handlers.record(record);
  }

  /**
   * A quote never closed (or a field past the limit): report the lines from the record's start to the line
   * the quote opened on, and hand back the rest of the text to parse again from the following line.
   */
  private runaway(text: string, recordStart: number, upTo: number, reason: string): string {
    const raw = this.rawParts.join('') + text.slice(recordStart, upTo);
    const rest = text.slice(upTo);
    let cut = 0;
    for (let l = this.recordLine; l <= this.quoteLine; l++) {
      const nl = raw.indexOf('\n', cut);
      if (nl === -1) {
        cut = raw.length;
        break;
      }
      cut = nl + 1;
    }
    this.row++;
    this.handlers.bad({ row: this.row, line: this.recordLine, reason, raw: raw.slice(0, cut).replace(/\r?\n$/, '') });
    this.fields = [];
    this.field = '';
    // Cut mid-line (a single line past the limit): the rest of that line belongs to the broken record.
    const midLine = cut === raw.length && !raw.endsWith('\n');
    this.state = midLine ? State.SkipLine : State.FieldStart;
    this.rawParts = [];
    this.skipLf = false;
    if (midLine) {
      this.line = this.quoteLine;
      return rest;
    }
    this.line = this.quoteLine + 1;
    this.recordLine = this.line;
    return raw.slice(cut) + rest;
  }
}

/** Parses a whole string (tests, samples). */
export function parseCsv(text: string, delimiter = ','): { records: CsvRecord[]; bad: CsvBadRecord[] } {
  const records: CsvRecord[] = [];
  const bad: CsvBadRecord[] = [];
  const parser = new CsvParser(delimiter, { record: (r) => records.push(r), bad: (b) => bad.push(b) });
  parser.push(text);
  parser.end();
  return { records, bad };
}

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * Picks the delimiter under which the first records have the most consistent number of fields (more than
 * one). `sample` is the start of the file; its last, possibly cut, line is ignored.
 */
export function sniffDelimiter(
  sample: string,
  preferred?: string,
): { delimiter: string; fields: number; consistency: number } {
  const cut = sample.lastIndexOf('\n');
  const text = cut > 0 ? sample.slice(0, cut) : sample;
  let best = { delimiter: preferred ?? ',', fields: 1, consistency: 0, score: -1 };
  const order = preferred ? [preferred, ...CANDIDATES.filter((c) => c !== preferred)] : CANDIDATES;
  for (const delimiter of order) {
    const counts: number[] = [];
    const parser = new CsvParser(delimiter, {
      record: (r) => counts.length < 200 && counts.push(r.fields.length),
      bad: () => undefined,
    });
    parser.push(text.length > 262_144 ? text.slice(0, text.lastIndexOf('\n', 262_144) + 1 || 262_144) : text);
    parser.end();
    if (!counts.length) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, hits] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    const consistency = hits / counts.length;
    // A heading with more than one field that most rows share beats anything else.
    const score = mode > 1 ? consistency * 10 + Math.min(mode, 50) / 50 + (counts[0] === mode ? 1 : 0) : 0;
    if (score > best.score) best = { delimiter, fields: mode, consistency, score };
  }
  return { delimiter: best.delimiter, fields: best.fields, consistency: best.consistency };
}
