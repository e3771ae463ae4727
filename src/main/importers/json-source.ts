import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { decoder, detectEncoding, type EncodingGuess } from './encoding';
import { readHead } from './csv-source';
import type { OpenedSource, SourceItem } from './source';

/** A record larger than this is refused (kept whole is too much: its first part goes to quarantine). */
const MAX_RECORD_CHARS = 32 * 1024 * 1024;
const MAX_DEPTH = 4;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Flattens nested objects to "outer.inner" columns; lists of plain values are joined with "; ". */
export function flattenRecord(value: Json, prefix = '', out: [string, string][] = [], depth = 0): [string, string][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < MAX_DEPTH) {
    for (const [k, v] of Object.entries(value)) flattenRecord(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
    return out;
  }
  const key = prefix || 'value';
  if (value === null) out.push([key, '']);
  else if (Array.isArray(value))
    out.push([
      key,
      value.every((v) => v === null || typeof v !== 'object')
        ? value.map((v) => (v === null ? '' : String(v))).join('; ')
        : JSON.stringify(value),
    ]);
  else if (typeof value === 'object') out.push([key, JSON.stringify(value)]);
  else out.push([key, String(value)]);
  return out;
}

/**
 * Finds the records in a stream of JSON text without holding the file: the elements of a top-level array,
 * the elements of the first array inside a top-level object ({"responses": [...]}) or a sequence of
 * top-level objects. Each record's text is handed on whole, to be parsed alone.
 */
export class JsonSplitter {
  private depth = 0;
  private readonly stack: number[] = [];
  private inString = false;
  private escape = false;
  /** Depth at which records sit, once known. */
  private recordDepth = -1;
  private started = false;
  private done = false;
  private parts: string[] = [];
  private size = 0;
  private collecting = false;
  private tooLarge = false;
  private count = 0;

  constructor(
    private readonly wrapper: boolean,
    private readonly emit: (text: string | null, index: number) => void,
  ) {}

  push(text: string): void {
    let start = this.collecting ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === 92) this.escape = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 44 || c === 58) {
        if (this.collecting && this.depth === this.recordDepth && (c === 44 || c === 10 || c === 13)) {
          // A plain value (number, true...) as a record ends at a comma or line end.
          this.finish(text, start, i);
          start = -1;
        }
        continue;
      }
      if (this.done) continue;
      if (!this.started) {
        this.started = true;
        // [ ... ]: records at depth 1; { "key": [ ... ] }: depth 2; a stream of values: depth 0.
        this.recordDepth = c === 91 ? 1 : this.wrapper ? 2 : 0;
      }
      const inContainer =
        this.recordDepth === 0
          ? this.depth === 0
          : this.depth === this.recordDepth && this.stack[this.depth - 1] === 91;
      if (!this.collecting && inContainer && c !== 93 && c !== 125) {
        this.collecting = true;
        start = i;
      }
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) {
        if (this.depth < 8) this.stack.push(c); // only the outer levels matter; hostile nesting costs nothing
        this.depth++;
      } else if (c === 125 || c === 93) {
        if (this.depth <= 8) this.stack.pop();
        this.depth--;
        if (this.collecting && this.depth === this.recordDepth) {
          this.finish(text, start, i + 1);
          start = -1;
        } else if (this.recordDepth > 0 && this.depth === this.recordDepth - 1 && c === 93) {
          this.done = true; // the array of records has closed: the rest is wrapper
        }
      }
    }
    if (this.collecting && start >= 0) this.append(text.slice(start));
  }

  end(): void {
    if (this.collecting) this.finish('', 0, 0);
  }

  private append(s: string): void {
    if (this.tooLarge) return;
    this.size += s.length;
    if (this.size > MAX_RECORD_CHARS) {
      this.tooLarge = true;
      this.parts = [this.parts.join('').slice(0, 10_000)];
      return;
    }
    this.parts.push(s);
  }

  private finish(text: string, start: number, end: number): void {
    if (start >= 0) this.append(text.slice(start, end));
    this.count++;
    this.emit(this.tooLarge ? null : this.parts.join(''), this.count);
    this.parts = [];
    this.size = 0;
    this.collecting = false;
    this.tooLarge = false;
  }
}

function columnsCache(): (keys: string[]) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  return (keys) => {
    const sig = keys.join('\u0000');
    let cols = cache.get(sig);
    if (!cols) {
      cols = keys;
      if (cache.size < 10_000) cache.set(sig, cols);
    }
    return cols;
  };
}

/** Opens JSON (an array of objects, or an object holding one) or JSON Lines (one object per line). */
export function openJson(path: string, encoding?: EncodingGuess): OpenedSource {
  const totalBytes = statSync(path).size;
  const head = readHead(path, 65536);
  const guess = encoding ?? detectEncoding(head);
  const text = decoder(guess.encoding).write(head).trimStart();
  const ext = extname(path).toLowerCase();
  const firstLine = text.split('\n', 1)[0].trim();
  let lines = ext === '.jsonl' || ext === '.ndjson';
  if (!lines && text.startsWith('{')) {
    try {
      JSON.parse(firstLine);
      lines = true; // a complete object on the first line: JSON Lines under a .json name
    } catch {
      lines = false;
    }
  }
  const format = lines ? 'jsonl' : 'json';
  let bytes = 0;
  const columnsOf = columnsCache();

  function toItem(raw: string, row: number): SourceItem {
    let value: Json;
    try {
      value = JSON.parse(raw) as Json;
    } catch (error) {
      return {
        kind: 'bad',
        row,
        reason: `${lines ? 'line' : 'record'} ${row} is not valid JSON: ${(error as Error).message}`,
        raw,
      };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return {
        kind: 'bad',
        row,
        reason: `${lines ? 'line' : 'record'} ${row} is not an object with named fields`,
        raw,
      };
    }
    const pairs = flattenRecord(value);
    if (pairs.every(([, v]) => v.trim() === '')) return { kind: 'empty', row };
    return { kind: 'row', row, columns: columnsOf(pairs.map(([k]) => k)), values: pairs.map(([, v]) => v) };
  }

  async function* items(): AsyncGenerator<SourceItem[]> {
    let batch: SourceItem[] = [];
    const decode = decoder(guess.encoding);
    let feed: (s: string) => void;
    let finish: () => void;
    if (lines) {
      let carry = '';
      let line = 0;
      const take = (l: string): void => {
        line++;
        const t = l.trim();
        if (t) batch.push(toItem(t, line));
      };
      feed = (s) => {
        const all = carry + s;
        const parts = all.split('\n');
        carry = parts.pop() ?? '';
        if (carry.length > MAX_RECORD_CHARS) {
          line++;
          batch.push({
            kind: 'bad',
            row: line,
            reason: `line ${line} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-GB')} characters`,
            raw: carry.slice(0, 10_000),
          });
          carry = '';
          line--; // the rest of the long line still counts as this line
        }
        for (const p of parts) take(p);
      };
      finish = () => {
        if (carry) take(carry);
      };
    } else {
      const splitter = new JsonSplitter(text.startsWith('{'), (record, index) => {
        if (record === null)
          batch.push({
            kind: 'bad',
            row: index,
            reason: `record ${index} is larger than ${MAX_RECORD_CHARS.toLocaleString('en-GB')} characters`,
            raw: '',
          });
        else batch.push(toItem(record, index));
      });
      feed = (s) => splitter.push(s);
      finish = () => splitter.end();
    }
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      bytes += (chunk as Buffer).length;
      feed(decode.write(chunk as Buffer));
      if (batch.length) {
        yield batch;
        batch = [];
      }
    }
    feed(decode.end());
    finish();
    if (batch.length) yield batch;
  }

  return {
    format,
    encoding: guess.encoding,
    encodingReason: guess.reason,
    delimiter: null,
    sheets: [],
    sheet: null,
    columns: [],
    warnings: [],
    totalBytes,
    bytesRead: () => bytes,
    knownRows: null,
    items,
  };
}
