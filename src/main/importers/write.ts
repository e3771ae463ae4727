import type { ColumnMapping, FileSummary, ImportMapping, StandardAttribute } from '../../shared/api';
import type { Db } from '../db/connection';
import { AppError } from '../util/errors';
import { normaliseCity, normaliseDate, normaliseRespondentType } from './normalise';
import { isGenericHeading, normaliseHeading } from './propose';
import type { OpenedSource, SourceItem, SourceRow } from './source';

const STANDARD_FIELDS = new Set<string>(['type', 'organisation', 'city', 'submitted_at', 'channel']);
const QUARANTINE_SAMPLE = 8;
const ANSWERS_PER_INSERT = 64;

interface CompiledColumns {
  id: number;
  answers: { indexes: number[]; questionId: number }[];
  standard: { field: StandardAttribute; index: number; column: string }[];
  attributes: { name: string; index: number }[];
  themes: { index: number; questionId: number | null }[];
  /** Column names already JSON-escaped, to build each row's JSON quickly. */
  keys: string[];
}

export interface SourceContext {
  name: string;
  mapping: ImportMapping;
  /** Called after each batch with rows read so far; throws CANCELLED to stop. */
  onBatch: (rowsRead: number) => void;
}

export type SourceCounts = Pick<
  FileSummary,
  | 'rowsRead'
  | 'respondentsAdded'
  | 'responsesAdded'
  | 'merged'
  | 'duplicates'
  | 'quarantined'
  | 'emptyRows'
  | 'quarantineSample'
>;

/** Makes sure each open/closed column's question exists (creating new ones) and returns code -> id. */
export function resolveQuestions(db: Db, mapping: ImportMapping, created: string[]): Map<string, number> {
  const ids = new Map<string, number>();
  const find = db.prepare('SELECT id FROM question WHERE code = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO question (code, text, kind, position) VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM question))',
  );
  const alias = db.prepare(
    'INSERT INTO question_alias (alias, question_id) VALUES (?, ?) ON CONFLICT(alias) DO UPDATE SET question_id = excluded.question_id',
  );
  for (const m of mapping.columns) {
    if ((m.role !== 'open' && m.role !== 'closed' && m.role !== 'themes') || !m.question) continue;
    let id = find.get(m.question) as number | undefined;
    if (id === undefined) {
      if (m.role === 'themes')
        throw new AppError(
          'INVALID_INPUT',
          `The themes column "${m.column}" names question ${m.question}, which does not exist.`,
        );
      id = Number(insert.run(m.question, (m.text ?? m.column).trim() || m.column, m.role).lastInsertRowid);
      created.push(m.question);
    }
    ids.set(m.question, id);
    if (m.role !== 'themes' && !isGenericHeading(m.column)) alias.run(normaliseHeading(m.column), id);
  }
  return ids;
}

function compile(
  columns: readonly string[],
  byColumn: Map<string, ColumnMapping>,
  questionIds: Map<string, number>,
): CompiledColumns {
  const compiled: CompiledColumns = {
    id: -1,
    answers: [],
    standard: [],
    attributes: [],
    themes: [],
    keys: columns.map((c) => JSON.stringify(c)),
  };
  const answers = new Map<number, number[]>();
  const openQuestions = new Set<number>();
  columns.forEach((column, index) => {
    const m = byColumn.get(column);
    if (!m) return;
    if (m.role === 'id' && compiled.id < 0) compiled.id = index;
    else if ((m.role === 'open' || m.role === 'closed') && m.question) {
      const qid = questionIds.get(m.question)!;
      answers.set(qid, [...(answers.get(qid) ?? []), index]);
      if (m.role === 'open') openQuestions.add(qid);
    } else if (m.role === 'attribute') {
      const name = (m.attribute ?? m.column).trim() || m.column;
      if (STANDARD_FIELDS.has(name)) compiled.standard.push({ field: name as StandardAttribute, index, column });
      else compiled.attributes.push({ name, index });
    } else if (m.role === 'themes')
      compiled.themes.push({ index, questionId: m.question ? (questionIds.get(m.question) ?? null) : null });
  });
  compiled.answers = [...answers.entries()].map(([questionId, indexes]) => ({ questionId, indexes }));
  // A themes column that names no question codes the file's only open question, when it has just one.
  if (openQuestions.size === 1) {
    const [only] = openQuestions;
    for (const t of compiled.themes) t.questionId ??= only;
  }
  return compiled;
}

interface Respondent {
  externalId: string;
  type: string | null;
  organisation: string | null;
  city: string | null;
  submittedAt: string | null;
  channel: string | null;
  attributes: Record<string, string>;
  answers: { questionId: number; text: string }[];
  themes: { questionId: number | null; theme: string }[];
  sourceRow: string;
}

/** Survey columns repeat a few values (types, places, dates) across many rows: normalise each once. */
function memo<T>(fn: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    let value = cache.get(raw);
    if (value === undefined && !cache.has(raw)) {
      value = fn(raw);
      if (cache.size < 10_000) cache.set(raw, value);
    }
    return value as T;
  };
}

const normalisers = () => ({
  type: memo(normaliseRespondentType),
  city: memo(normaliseCity),
  date: memo(normaliseDate),
});
type Normalisers = ReturnType<typeof normalisers>;

function toRespondent(item: SourceRow, c: CompiledColumns, fallbackId: string, norm: Normalisers): Respondent {
  const v = item.values;
  const attributes: Record<string, string> = {};
  const r: Respondent = {
    externalId: (c.id >= 0 ? v[c.id]?.trim() : '') || fallbackId,
    type: null,
    organisation: null,
    city: null,
    submittedAt: null,
    channel: null,
    attributes,
    answers: [],
    themes: [],
    sourceRow: '',
  };
  for (const s of c.standard) {
    const raw = (v[s.index] ?? '').trim();
    if (!raw) continue;
    if (s.field === 'type') {
      r.type = norm.type(raw);
      if (r.type !== raw) attributes[s.column] = raw;
    } else if (s.field === 'city') {
      r.city = norm.city(raw);
      if (r.city !== raw) attributes[s.column] = raw;
    } else if (s.field === 'submitted_at') {
      r.submittedAt = norm.date(raw);
      if (!r.submittedAt) attributes[s.column] = raw;
    } else if (s.field === 'organisation') r.organisation = raw;
    else r.channel = raw.toLowerCase();
  }
  for (const a of c.attributes) {
    const value = (v[a.index] ?? '').trim();
    if (value) attributes[a.name] = value;
  }
  for (const a of c.answers) {
    let text = '';
    for (const index of a.indexes) {
      const t = (v[index] ?? '').trim();
      if (t) text = text ? `${text}\n\n${t}` : t;
    }
    if (text) r.answers.push({ questionId: a.questionId, text });
  }
  for (const t of c.themes) {
    for (const theme of (v[t.index] ?? '').split(/[;|\n]/))
      if (theme.trim()) r.themes.push({ questionId: t.questionId, theme: theme.trim() });
  }
  let json = '{';
  for (let i = 0; i < c.keys.length; i++) json += `${i ? ',' : ''}${c.keys[i]}:${JSON.stringify(v[i] ?? '')}`;
  r.sourceRow = `${json}}`;
  return r;
}

/**
 * Writes one source into the open transaction: respondents, their answers, themes, and quarantine for rows
 * that cannot be read or add nothing to a respondent already present. Returns what it did.
 */
export async function writeSource(
  db: Db,
  importId: number,
  source: OpenedSource,
  ctx: SourceContext,
  questionIds: Map<string, number>,
): Promise<SourceCounts> {
  const byColumn = new Map(ctx.mapping.columns.filter((m) => m.role !== 'ignore').map((m) => [m.column, m]));
  const compiledFor = new Map<readonly string[], CompiledColumns>();
  const norm = normalisers();
  const insertRespondent = db.prepare(
    `INSERT INTO respondent (external_id, type, organisation, city, submitted_at, channel, attributes, import_id, source_row)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(external_id) DO NOTHING`,
  );
  const insertResponse = db.prepare(
    'INSERT INTO response (respondent_id, question_id, text) VALUES (?, ?, ?) ON CONFLICT(respondent_id, question_id) DO NOTHING',
  );
  // A new respondent's answers go in as one statement: one call into SQLite per row instead of one per
  // answer (~0.2 s of 1.4 at 300,000 answers). Prepared once for each number of answers, in chunks
  // that keep wide files well under SQLite's limit on parameters.
  const insertAnswersBy = new Map<number, ReturnType<Db['prepare']>>();
  const insertAnswers = (respondentId: number, answers: Respondent['answers']): number => {
    let added = 0;
    for (let start = 0; start < answers.length; start += ANSWERS_PER_INSERT) {
      const chunk = answers.slice(start, start + ANSWERS_PER_INSERT);
      let statement = insertAnswersBy.get(chunk.length);
      if (!statement) {
        statement = db.prepare(
          `INSERT INTO response (respondent_id, question_id, text) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
           ON CONFLICT(respondent_id, question_id) DO NOTHING`,
        );
        insertAnswersBy.set(chunk.length, statement);
      }
      const values: (number | string)[] = [];
      for (const a of chunk) values.push(respondentId, a.questionId, a.text);
      added += statement.run(values).changes;
    }
    return added;
  };
  const insertTheme = db.prepare(
    'INSERT INTO imported_theme (import_id, respondent_id, question_id, theme) VALUES (?, ?, ?, ?)',
  );
  const insertQuarantine = db.prepare(
    'INSERT INTO quarantine (import_id, file_name, row_number, kind, reason, raw) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const findRespondent = db.prepare(
    'SELECT id, type, organisation, city, submitted_at, channel, attributes FROM respondent WHERE external_id = ?',
  );
  const updateRespondent = db.prepare(
    'UPDATE respondent SET type = ?, organisation = ?, city = ?, submitted_at = ?, channel = ?, attributes = ? WHERE id = ?',
  );
  const insertMerged = db.prepare(
    'INSERT INTO merged_row (respondent_id, import_id, row_number, source_row) VALUES (?, ?, ?, ?)',
  );
  const importedFrom = db
    .prepare('SELECT i.file_name FROM respondent p JOIN import i ON i.id = p.import_id WHERE p.id = ?')
    .pluck();

  const counts: SourceCounts = {
    rowsRead: 0,
    respondentsAdded: 0,
    responsesAdded: 0,
    merged: 0,
    duplicates: 0,
    quarantined: 0,
    emptyRows: 0,
    quarantineSample: [],
  };
  const where = (part?: string): string => (part ? `${ctx.name} (${part})` : ctx.name);
  const quarantine = (
    row: number | null,
    kind: 'unreadable' | 'duplicate',
    reason: string,
    raw: string,
    part?: string,
  ): void => {
    insertQuarantine.run(importId, where(part), row, kind, reason, raw);
    if (counts.quarantineSample.length < QUARANTINE_SAMPLE)
      counts.quarantineSample.push({ rowNumber: row, kind, reason });
  };

  const merge = (r: Respondent, item: SourceRow): void => {
    const existing = findRespondent.get(r.externalId) as
      | {
          id: number;
          type: string | null;
          organisation: string | null;
          city: string | null;
          submitted_at: string | null;
          channel: string | null;
          attributes: string;
        }
      | undefined;
    if (!existing) throw new AppError('INTERNAL', `Respondent ${r.externalId} vanished during the import.`);
    let added = 0;
    for (const a of r.answers) {
      const res = insertResponse.run(existing.id, a.questionId, a.text);
      added += res.changes;
    }
    const attributes = JSON.parse(existing.attributes) as Record<string, string>;
    let changed = false;
    for (const [k, v] of Object.entries(r.attributes)) {
      if (!(k in attributes)) {
        attributes[k] = v;
        changed = true;
      }
    }
    // Fill blanks only: what is already there (perhaps corrected by an analyst) is never overwritten.
    const next = {
      type: existing.type ?? r.type,
      organisation: existing.organisation ?? r.organisation,
      city: existing.city ?? r.city,
      submitted_at: existing.submitted_at ?? r.submittedAt,
      channel: existing.channel ?? r.channel,
    };
    changed ||=
      next.type !== existing.type ||
      next.organisation !== existing.organisation ||
      next.city !== existing.city ||
      next.submitted_at !== existing.submitted_at ||
      next.channel !== existing.channel;
    if (changed)
      updateRespondent.run(
        next.type,
        next.organisation,
        next.city,
        next.submitted_at,
        next.channel,
        JSON.stringify(attributes),
        existing.id,
      );
    for (const t of r.themes) insertTheme.run(importId, existing.id, t.questionId, t.theme);
    if (added || changed) {
      counts.merged++;
      counts.responsesAdded += added;
      insertMerged.run(existing.id, importId, item.row, r.sourceRow);
    } else {
      counts.duplicates++;
      const from = importedFrom.get(existing.id) as string | undefined;
      quarantine(
        item.row,
        'duplicate',
        `row ${item.row}: respondent ${r.externalId} is already in the project${from ? ` (from ${from})` : ''} and this row adds nothing new`,
        r.sourceRow,
        item.part,
      );
    }
  };

  const handle = (item: SourceItem): void => {
    if (item.kind === 'empty') {
      counts.emptyRows++;
      return;
    }
    counts.rowsRead++;
    if (item.kind === 'bad') {
      counts.quarantined++;
      quarantine(item.row, 'unreadable', item.reason, item.raw, item.part);
      return;
    }
    let compiled = compiledFor.get(item.columns);
    if (!compiled) {
      compiled = compile(item.columns, byColumn, questionIds);
      compiledFor.set(item.columns, compiled);
    }
    const r = toRespondent(item, compiled, `${where(item.part)} row ${item.row}`, norm);
    const res = insertRespondent.run(
      r.externalId,
      r.type,
      r.organisation,
      r.city,
      r.submittedAt,
      r.channel,
      JSON.stringify(r.attributes),
      importId,
      r.sourceRow,
    );
    if (res.changes === 0) return merge(r, item);
    const id = Number(res.lastInsertRowid);
    counts.respondentsAdded++;
    if (r.answers.length) counts.responsesAdded += insertAnswers(id, r.answers);
    for (const t of r.themes) insertTheme.run(importId, id, t.questionId, t.theme);
  };

  for await (const batch of source.items()) {
    for (const item of batch) handle(item);
    ctx.onBatch(counts.rowsRead);
  }
  return counts;
}

/** Closed questions list their answers as options (in order of first appearance), when there are few. */
export function refreshOptions(db: Db, questionIds: Iterable<number>): void {
  const distinct = db
    .prepare('SELECT text FROM response WHERE question_id = ? GROUP BY text ORDER BY min(id) LIMIT 51')
    .pluck();
  const update = db.prepare("UPDATE question SET options = ? WHERE id = ? AND kind = 'closed'");
  for (const id of questionIds) {
    const values = distinct.all(id) as string[];
    update.run(values.length <= 50 ? JSON.stringify(values) : null, id);
  }
}
