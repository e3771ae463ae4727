import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../util/errors';
import { openCsv, readHead } from './csv-source';
import { sniffDelimiter } from './csv';
import { decoder, detectEncoding, type EncodingGuess } from './encoding';
import { DOCUMENT_EXTENSIONS, openDocuments } from './documents';
import { openJson } from './json-source';
import { describeMagic, sniffMagic } from './magic';
import type { OpenedSource } from './source';
import { openXlsx } from './xlsx-source';

const TABULAR_EXTENSIONS = ['.csv', '.tsv', '.tab', '.xlsx', '.xlsm', '.json', '.jsonl', '.ndjson'];
const MAX_FOLDER_FILES = 200_000;
const MAX_FOLDER_DEPTH = 6;

/** A .txt file is a table (Excel's "Unicode Text" is tab-separated UTF-16) when tabs line it up. */
function isTabularText(path: string): boolean {
  const head = readHead(path, 65536);
  const guess = detectEncoding(head);
  const text = decoder(guess.encoding).write(head);
  const lines = text.split('\n').filter((l) => l.trim()).length;
  if (lines < 3 || !text.includes('\t')) return false;
  const sniff = sniffDelimiter(text, '\t');
  return sniff.delimiter === '\t' && sniff.fields >= 2 && sniff.consistency >= 0.8;
}

function isDocument(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return DOCUMENT_EXTENSIONS.includes(ext) && !(ext === '.txt' && isTabularText(path));
}

function walk(dir: string, out: string[], skipped: Map<string, number>, depth = 0): void {
  if (depth > MAX_FOLDER_DEPTH) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
    // i.AI's layout: question.json describes the responses file beside it (read by the preview), not rows.
    if (entry.name === 'question.json') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out, skipped, depth + 1);
    else if (entry.isFile()) {
      const ext = extname(entry.name).toLowerCase();
      if (TABULAR_EXTENSIONS.includes(ext) || DOCUMENT_EXTENSIONS.includes(ext)) out.push(full);
      else skipped.set(ext || '(no extension)', (skipped.get(ext || '(no extension)') ?? 0) + 1);
    }
    if (out.length > MAX_FOLDER_FILES)
      throw new AppError(
        'INVALID_INPUT',
        `${dir} holds more than ${MAX_FOLDER_FILES.toLocaleString('en-GB')} files; choose a smaller folder.`,
      );
  }
}

export interface ExpandedPaths {
  /** Each group is one source: a single tabular file, or documents to read together. */
  groups: string[][];
  errors: { path: string; message: string }[];
  warnings: string[];
}

/** Turns the files and folders a user chose into sources: each table its own, documents grouped by folder. */
export function expandPaths(paths: string[]): ExpandedPaths {
  const groups: string[][] = [];
  const errors: ExpandedPaths['errors'] = [];
  const warnings: string[] = [];
  const selected: string[] = [];
  for (const given of paths) {
    const path = resolve(given);
    if (!existsSync(path)) {
      errors.push({ path, message: `There is no file or folder at ${path}.` });
      continue;
    }
    if (statSync(path).isDirectory()) {
      const files: string[] = [];
      const skipped = new Map<string, number>();
      try {
        walk(path, files, skipped);
      } catch (error) {
        errors.push({ path, message: (error as Error).message });
        continue;
      }
      const docs = files.filter(isDocument);
      for (const f of files) if (!docs.includes(f)) groups.push([f]);
      if (docs.length) groups.push(docs);
      if (skipped.size)
        warnings.push(
          `In ${basename(path)}, ${[...skipped.entries()].map(([e, n]) => `${n} ${e}`).join(', ')} file(s) were skipped: only CSV, Excel, JSON, text, e-mail, Word and PDF files are read.`,
        );
      if (!files.length) errors.push({ path, message: `${path} holds no files that can be imported.` });
    } else if (isDocument(path)) selected.push(path);
    else groups.push([path]);
  }
  if (selected.length) groups.push(selected);
  return { groups, errors, warnings };
}

function commonFolder(paths: string[]): string {
  let common = dirname(paths[0]);
  for (const p of paths) {
    while (!(p + sep).startsWith(common.endsWith(sep) ? common : common + sep) && dirname(common) !== common)
      common = dirname(common);
  }
  return common;
}

/** The short name of a source, for messages and the history. */
export function sourceName(paths: string[]): string {
  if (paths.length === 1) return basename(paths[0]);
  return `${paths.length} documents in ${basename(commonFolder(paths))}`;
}

export function isDocumentGroup(paths: string[]): boolean {
  return paths.length > 1 || isDocument(paths[0]);
}

/** Opens a source by what its content is, whatever its name says. `encoding` overrides detection. */
export function openSource(paths: string[], sheet?: string | null, encoding?: EncodingGuess): OpenedSource {
  if (paths.length === 0) throw new AppError('INVALID_INPUT', 'No files were given.');
  if (isDocumentGroup(paths)) {
    const root = commonFolder(paths);
    return openDocuments(paths.map((p) => ({ path: p, name: relative(root, p) || basename(p) })));
  }
  const path = paths[0];
  const name = basename(path);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `There is no file at ${path}.`);
  const size = statSync(path).size;
  if (size === 0) throw new AppError('BAD_FILE', `${name} is empty (0 bytes): there is nothing to import.`);
  const head = readHead(path, 8192);
  const guess = encoding ?? detectEncoding(head);
  const magic = sniffMagic(head, guess.encoding.startsWith('utf-16'));
  const ext = extname(path).toLowerCase();
  if (magic === 'zip') {
    const source = openXlsx(path, sheet);
    if (ext !== '.xlsx' && ext !== '.xlsm')
      source.warnings.unshift(`${name} is really an Excel workbook; it was read as one.`);
    return source;
  }
  if (magic !== 'text')
    throw new AppError(
      'BAD_FILE',
      `${name} cannot be imported: it is ${describeMagic(magic)}. Import CSV, Excel (.xlsx), JSON, text, e-mail, Word or PDF files.`,
    );
  if (ext === '.xlsx' || ext === '.xlsm')
    throw new AppError(
      'BAD_FILE',
      `${name} is not an Excel workbook (an .xlsx file is a ZIP archive; this one is plain text). Rename it .csv if it is a CSV export.`,
    );
  const first = decoder(guess.encoding).write(head).trimStart()[0];
  if (
    ['.json', '.jsonl', '.ndjson'].includes(ext) ||
    ((first === '[' || first === '{') && ext !== '.csv' && ext !== '.tsv')
  )
    return openJson(path, guess);
  return openCsv(path, encoding);
}
