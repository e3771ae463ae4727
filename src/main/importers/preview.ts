import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ImportMapping, ImportPreview, QuestionChoice, SourcePreview } from '../../shared/api';
import { openWorkerDb, type Db } from '../db/connection';
import type { TaskContext } from '../jobs/protocol';
import { AppError, errorBody } from '../util/errors';
import { delimiterName } from './csv-source';
import { expandPaths, isDocumentGroup, openSource, sourceName } from './open';
import { columnStats, normaliseHeading, proposeMapping } from './propose';
import { fingerprintSource } from './scan';

export interface PreviewInput {
  dbPath: string;
  paths: string[];
  /** Path of a workbook -> the sheet to read (null: every visible sheet). */
  sheets: Record<string, string | null>;
}

const SAMPLE_ROWS = 1000;
const SAMPLE_CHARS = 4 * 1024 * 1024;
const SAMPLE_DOCUMENTS = 25;
const SHOWN_ROWS = 8;
const SHOWN_CHARS = 300;

/** The layout key of a file: its column headings, normalised, in order. Saved mappings are found by it. */
export const layoutKey = (columns: readonly string[]): string => columns.map(normaliseHeading).join('\n');

/** i.AI's layout keeps each question's text in question.json beside its responses file. */
function siblingQuestionText(path: string): string | undefined {
  const file = join(dirname(path), 'question.json');
  if (!existsSync(file)) return undefined;
  try {
    const q = JSON.parse(readFileSync(file, 'utf8')) as { question_text?: unknown };
    return typeof q.question_text === 'string' && q.question_text.trim() ? q.question_text.trim() : undefined;
  } catch {
    return undefined;
  }
}

function failed(paths: string[], message: string): SourcePreview {
  return {
    paths,
    name: sourceName(paths),
    format: 'csv',
    encoding: null,
    encodingReason: null,
    delimiter: null,
    sheets: [],
    sheet: null,
    columns: [],
    rows: [],
    rowEstimate: 0,
    rowEstimateExact: true,
    mapping: { columns: [] },
    savedMapping: null,
    alreadyImported: null,
    warnings: [],
    error: message,
  };
}

interface Known {
  questions: QuestionChoice[];
  aliases: Map<string, string>;
  saved: { name: string; layout: string; mapping: ImportMapping }[];
  db: Db;
  codes: Set<string>;
}

function loadKnown(db: Db): Known {
  const questions = (
    db
      .prepare("SELECT code, text, kind FROM question WHERE kind IN ('open', 'closed') ORDER BY position, id")
      .all() as Omit<QuestionChoice, 'existing'>[]
  ).map((q) => ({ ...q, existing: true }));
  const aliases = new Map(
    (
      db.prepare('SELECT a.alias, q.code FROM question_alias a JOIN question q ON q.id = a.question_id').all() as {
        alias: string;
        code: string;
      }[]
    ).map((r) => [r.alias, r.code]),
  );
  const saved = (
    db.prepare('SELECT name, layout, mapping FROM import_mapping ORDER BY id DESC').all() as {
      name: string;
      layout: string;
      mapping: string;
    }[]
  ).map((r) => ({
    ...r,
    mapping: JSON.parse(r.mapping) as ImportMapping,
  }));
  const codes = new Set(db.prepare('SELECT code FROM question').pluck().all() as string[]);
  return { questions, aliases, saved, db, codes };
}

async function previewOne(
  paths: string[],
  sheet: string | null,
  known: Known,
  ctx: TaskContext,
  nextCode: () => string,
): Promise<SourcePreview> {
  const source = openSource(paths, sheet);
  const docs = isDocumentGroup(paths);
  const columns: string[] = [...source.columns];
  const index = new Map(columns.map((c, i) => [c, i]));
  const rows: string[][] = [];
  let chars = 0;
  let read = 0;
  let complete = true;
  const unreadable: string[] = [];
  outer: for await (const batch of source.items()) {
    for (const item of batch) {
      if (item.kind === 'empty') continue;
      read++;
      if (item.kind === 'bad') {
        if (unreadable.length < 5) unreadable.push(item.reason);
        continue;
      }
      const row: string[] = new Array<string>(columns.length).fill('');
      item.columns.forEach((c, i) => {
        let at = index.get(c);
        if (at === undefined) {
          at = columns.length;
          columns.push(c);
          index.set(c, at);
        }
        row[at] = item.values[i] ?? '';
        chars += row[at].length;
      });
      rows.push(row);
      if (rows.length >= (docs ? SAMPLE_DOCUMENTS : SAMPLE_ROWS) || chars > SAMPLE_CHARS) {
        complete = false;
        break outer;
      }
    }
    if (ctx.cancelled()) throw new AppError('CANCELLED', 'Cancelled.');
  }
  for (const row of rows) while (row.length < columns.length) row.push('');
  const stats = columnStats(columns, rows);
  const layout = layoutKey(columns);
  const saved = known.saved.find((s) => s.layout === layout);
  const reserve = (code: string): boolean => {
    if (known.codes.has(code)) return false;
    known.codes.add(code);
    return true;
  };
  const proposal = proposeMapping(stats, {
    questions: known.questions,
    aliases: known.aliases,
    nextCode,
    reserve,
    questionText: paths.length === 1 ? siblingQuestionText(paths[0]) : undefined,
  });
  let mapping = proposal.mapping;
  if (saved) {
    const byColumn = new Map(saved.mapping.columns.map((m) => [m.column, m]));
    mapping = { columns: mapping.columns.map((m) => byColumn.get(m.column) ?? m) };
  }
  const { sha256: fingerprint } = await fingerprintSource(paths, docs, undefined, () => ctx.cancelled());
  const before = known.db
    .prepare('SELECT file_name AS fileName, started_at AS at FROM import WHERE sha256 = ? ORDER BY id LIMIT 1')
    .get(fingerprint) as { fileName: string; at: string } | undefined;
  const warnings = [...source.warnings];
  if (unreadable.length)
    warnings.push(`Some of the first rows cannot be read and will be quarantined, e.g. ${unreadable[0]}.`);
  if (source.delimiter) warnings.unshift(`Columns are separated by a ${delimiterName(source.delimiter)}.`);
  const bytesRead = source.bytesRead();
  const estimate =
    source.knownRows ?? (complete ? read : Math.round((read * source.totalBytes) / Math.max(1, bytesRead)));
  return {
    paths,
    name: sourceName(paths),
    format: source.format,
    encoding: source.encoding,
    encodingReason: source.encodingReason,
    delimiter: source.delimiter,
    sheets: source.sheets,
    sheet: source.sheet,
    columns: stats.map((s, i) => ({
      name: s.name,
      samples: s.samples,
      filled: s.filled,
      distinct: s.distinct,
      averageLength: s.averageLength,
      reason: proposal.reasons[i],
    })),
    rows: rows
      .slice(0, SHOWN_ROWS)
      .map((r) => r.map((v) => (v.length > SHOWN_CHARS ? `${v.slice(0, SHOWN_CHARS)}…` : v))),
    rowEstimate: estimate,
    rowEstimateExact: source.knownRows !== null || complete,
    mapping,
    savedMapping: saved?.name ?? null,
    alreadyImported: before ?? null,
    warnings,
    error: null,
  };
}

const totalSize = (paths: string[]): number => paths.reduce((sum, p) => sum + statSync(p).size, 0);

/** Reads the start of each file or folder and proposes how to map it; writes nothing. */
export async function previewImport(
  db: Db,
  input: Omit<PreviewInput, 'dbPath'>,
  ctx: TaskContext,
): Promise<ImportPreview> {
  const known = loadKnown(db);
  const { groups, errors, warnings } = expandPaths(input.paths);
  let n = 0;
  const nextCode = (): string => {
    let code: string;
    do code = `Q${++n}`;
    while (known.codes.has(code));
    known.codes.add(code);
    return code;
  };
  const sources: SourcePreview[] = errors.map((e) => failed([e.path], e.message));
  // Largest first: the main online export usually is, and the smaller files' columns then match its questions.
  groups.sort((a, b) => totalSize(b) - totalSize(a));
  for (let i = 0; i < groups.length; i++) {
    ctx.progress(`Reading ${sourceName(groups[i])}`, i, groups.length);
    try {
      const sheet = groups[i].length === 1 ? (input.sheets[groups[i][0]] ?? null) : null;
      sources.push(await previewOne(groups[i], sheet, known, ctx, nextCode));
    } catch (error) {
      const body = errorBody(error);
      if (body.code === 'CANCELLED') throw error;
      sources.push(
        failed(
          groups[i],
          body.code === 'INTERNAL' ? `${sourceName(groups[i])} could not be read: ${body.message}` : body.message,
        ),
      );
    }
  }
  if (warnings.length && sources.length) sources[sources.length - 1].warnings.push(...warnings);
  return { sources, questions: known.questions };
}

export async function previewTask(input: unknown, ctx: TaskContext): Promise<ImportPreview> {
  const params = input as PreviewInput;
  const db = openWorkerDb(params.dbPath);
  try {
    return await previewImport(db, params, ctx);
  } finally {
    db.close();
  }
}
