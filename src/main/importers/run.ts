import { statSync } from 'node:fs';
import type { FileSummary, ImportSourceSpec, ImportSummary } from '../../shared/api';
import { openWorkerDb, type Db } from '../db/connection';
import { appendAudit } from '../db/queries/audit';
import type { TaskContext } from '../jobs/protocol';
import { AppError, errorBody } from '../util/errors';
import type { EncodingGuess } from './encoding';
import { isDocumentGroup, openSource, sourceName } from './open';
import { fingerprintSource } from './scan';
import type { OpenedSource } from './source';
import { assignThemesFromImport } from './themes-column';
import { refreshOptions, resolveQuestions, writeSource } from './write';

export interface RunImportInput {
  dbPath: string;
  sources: ImportSourceSpec[];
  allowReimport: boolean;
  analyst: string;
}

const PROGRESS_EVERY_MS = 150;

/** The source's fingerprint, reporting progress at most every PROGRESS_EVERY_MS. */
function fingerprint(
  paths: string[],
  ctx: TaskContext,
  label: string,
): Promise<{ sha256: string; utf8InvalidAt: number | null }> {
  let last = 0;
  const documents = isDocumentGroup(paths);
  return fingerprintSource(
    paths,
    documents,
    (done, total) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      // Bytes for one file (shown in KB), documents for a set of them.
      const kb = !documents;
      ctx.progress(label, kb ? Math.round(done / 1024) : done, kb ? Math.round(total / 1024) : total);
    },
    () => ctx.cancelled(),
  );
}

/** Opens a source, switching a file that only looked like UTF-8 (a bad byte further on) to Windows-1252. */
function openChecked(
  spec: ImportSourceSpec,
  utf8InvalidAt: number | null,
): { source: OpenedSource; note: string | null } {
  const first = openSource(spec.paths, spec.sheet);
  if (first.encoding !== 'utf-8' || utf8InvalidAt === null) return { source: first, note: null };
  const reason = `not valid UTF-8 (first bad byte near byte ${utf8InvalidAt.toLocaleString('en-GB')}): read as Windows-1252 (Excel on Windows)`;
  const guess: EncodingGuess = { encoding: 'windows-1252', bomLength: 0, reason };
  return { source: openSource(spec.paths, spec.sheet, guess), note: reason };
}

/** A file's summary before (or without) anything imported from it. */
export function emptySummary(spec: Pick<ImportSourceSpec, 'paths'>, name: string): FileSummary {
  return {
    name,
    paths: spec.paths,
    status: 'failed',
    message: '',
    importId: null,
    format: null,
    encoding: null,
    rowsRead: 0,
    respondentsAdded: 0,
    responsesAdded: 0,
    merged: 0,
    duplicates: 0,
    quarantined: 0,
    emptyRows: 0,
    quarantineSample: [],
  };
}

function describe(s: FileSummary): string {
  const parts = [
    `${s.respondentsAdded.toLocaleString('en-GB')} respondents and ${s.responsesAdded.toLocaleString('en-GB')} answers imported`,
  ];
  if (s.merged) parts.push(`${s.merged.toLocaleString('en-GB')} rows added to respondents already present`);
  if (s.duplicates) parts.push(`${s.duplicates.toLocaleString('en-GB')} duplicates skipped`);
  if (s.quarantined) parts.push(`${s.quarantined.toLocaleString('en-GB')} rows quarantined`);
  return `${s.name}: ${parts.join('; ')}.`;
}

/**
 * The search index's, date order's and status counts' insert triggers fire per row (the counts' upsert alone
 * was ~20% of a bulk import's CPU); during an import each is filled once at the end instead. Nothing in an
 * import updates or deletes a response, so the counts' other triggers have nothing to miss meanwhile.
 */
function suspendTrigger(
  db: Db,
  name: 'response_fts_insert' | 'response_date_insert' | 'response_status_count_insert',
): string | null {
  const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(name) as
    string | undefined;
  if (!sql) return null;
  db.exec(`DROP TRIGGER ${name}`);
  return sql;
}

/** Imports bigger than this (in bytes, and than the project so far) build secondary indexes once at the end. */
const BULK_BYTES = 16 * 1024 * 1024;

/**
 * For a bulk import into a project that is small beside it, dropping the secondary indexes of respondent
 * and response and creating them again at the end (a sort) is much faster than updating them row by row.
 * Inside the transaction, so a cancel or failure brings them back untouched. Returns their SQL.
 */
function suspendIndexes(db: Db, input: RunImportInput): string[] {
  const bytes = input.sources.reduce((sum, s) => sum + s.paths.reduce((n, p) => n + statSync(p).size, 0), 0);
  const existing = (db.prepare('SELECT count(*) FROM response').pluck().get() as number) * 200;
  if (bytes < BULK_BYTES || bytes < existing) return [];
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('respondent', 'response', 'response_date') AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  return indexes.map((i) => i.sql);
}

/**
 * Imports every source in one transaction: each source inside its own savepoint (a file that cannot be
 * read leaves no trace while the others import), everything rolled back on cancel. The search index is
 * built for the new answers at the end, inside the same transaction, so it is always in step.
 */
export async function runImport(db: Db, input: RunImportInput, ctx: TaskContext): Promise<ImportSummary> {
  const summary: ImportSummary = {
    files: [],
    respondentsAdded: 0,
    responsesAdded: 0,
    quarantined: 0,
    duplicates: 0,
    questionsCreated: [],
  };
  const cancelCheck = (): void => {
    if (ctx.cancelled()) throw new AppError('CANCELLED', 'The import was cancelled; nothing was changed.');
  };
  db.exec('BEGIN IMMEDIATE');
  try {
    const maxResponseId = (db.prepare('SELECT coalesce(max(id), 0) FROM response').pluck().get() as number) ?? 0;
    const triggerSql = suspendTrigger(db, 'response_fts_insert');
    const dateTriggerSql = suspendTrigger(db, 'response_date_insert');
    const countTriggerSql = suspendTrigger(db, 'response_status_count_insert');
    const indexSql = suspendIndexes(db, input);
    const closedQuestions = new Set<number>();
    const alreadyImported = db.prepare('SELECT file_name, started_at FROM import WHERE sha256 = ? ORDER BY id LIMIT 1');
    for (let n = 0; n < input.sources.length; n++) {
      const spec = input.sources[n];
      const name = sourceName(spec.paths);
      const file = emptySummary(spec, name);
      summary.files.push(file);
      const label = input.sources.length > 1 ? `${name} (file ${n + 1} of ${input.sources.length})` : name;
      let savepoint = false;
      try {
        ctx.progress(`Checking ${label}`, 0, null);
        const { sha256, utf8InvalidAt } = await fingerprint(spec.paths, ctx, `Checking ${label}`);
        const before = alreadyImported.get(sha256) as { file_name: string; started_at: string } | undefined;
        if (before && !input.allowReimport) {
          file.status = 'refused';
          file.message = `${name} was not imported: the same file was imported on ${before.started_at.slice(0, 10)} (as ${before.file_name}). Import it again only if you mean to; respondents already present are not duplicated.`;
          continue;
        }
        const { source, note } = openChecked(spec, utf8InvalidAt);
        file.format = source.format;
        db.exec('SAVEPOINT import_source');
        savepoint = true;
        const startedAt = new Date().toISOString();
        const importId = Number(
          db
            .prepare(
              `INSERT INTO import (file_name, sha256, format, encoding, mapping, imported_by, started_at, source_path, sheet)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              name,
              sha256,
              source.format,
              source.encoding,
              JSON.stringify(spec.mapping),
              input.analyst,
              startedAt,
              spec.paths.length === 1 ? spec.paths[0] : spec.paths.join('\n'),
              spec.sheet ?? null,
            ).lastInsertRowid,
        );
        const questionIds = resolveQuestions(db, spec.mapping, summary.questionsCreated);
        for (const m of spec.mapping.columns)
          if (m.role === 'closed' && m.question) closedQuestions.add(questionIds.get(m.question)!);
        let lastProgress = 0;
        const phase = `Importing ${label}`;
        const counts = await writeSource(
          db,
          importId,
          source,
          {
            name,
            mapping: spec.mapping,
            onBatch: (rows) => {
              cancelCheck();
              const now = Date.now();
              if (now - lastProgress < PROGRESS_EVERY_MS) return;
              lastProgress = now;
              const read = source.bytesRead();
              const estimate = source.knownRows ?? (read > 0 ? Math.round((rows * source.totalBytes) / read) : null);
              ctx.progress(phase, rows, estimate === null ? null : Math.max(rows, estimate));
            },
          },
          questionIds,
        );
        Object.assign(file, counts);
        file.encoding = source.encoding;
        if (counts.rowsRead === 0) {
          db.exec('ROLLBACK TO import_source; RELEASE import_source');
          savepoint = false;
          file.status = 'empty';
          file.message = source.columns.length
            ? `${name} has a heading row but no rows of responses: nothing to import.`
            : `${name} has no rows to import.`;
          continue;
        }
        const themesAssigned = assignThemesFromImport(db, importId, input.analyst);
        const details = {
          encodingReason: note ?? source.encodingReason,
          themesAssigned,
          delimiter: source.delimiter,
          respondentsAdded: counts.respondentsAdded,
          responsesAdded: counts.responsesAdded,
          merged: counts.merged,
          emptyRows: counts.emptyRows,
          warnings: source.warnings,
          bytes: spec.paths.reduce((sum, p) => sum + statSync(p).size, 0),
        };
        db.prepare(
          `UPDATE import SET encoding = ?, rows_total = ?, rows_imported = ?, rows_quarantined = ?, duplicates = ?, details = ?, finished_at = ? WHERE id = ?`,
        ).run(
          source.encoding,
          counts.rowsRead,
          counts.respondentsAdded + counts.merged,
          counts.quarantined,
          counts.duplicates,
          JSON.stringify(details),
          new Date().toISOString(),
          importId,
        );
        appendAudit(db, {
          actor: input.analyst,
          action: 'import',
          entity: 'import',
          entityId: importId,
          after: {
            file: name,
            sha256,
            mapping: spec.mapping,
            ...details,
            quarantined: counts.quarantined,
            duplicates: counts.duplicates,
          },
        });
        db.exec('RELEASE import_source');
        savepoint = false;
        file.importId = importId;
        file.status = 'imported';
        file.message = describe(file);
        summary.respondentsAdded += counts.respondentsAdded;
        summary.responsesAdded += counts.responsesAdded;
        summary.quarantined += counts.quarantined;
        summary.duplicates += counts.duplicates;
      } catch (error) {
        if (savepoint) db.exec('ROLLBACK TO import_source; RELEASE import_source');
        const body = errorBody(error);
        if (body.code === 'CANCELLED') throw error;
        Object.assign(file, emptySummary(spec, name), {
          format: file.format,
          status: 'failed',
          message: body.code === 'INTERNAL' ? `${name} could not be imported: ${body.message}` : body.message,
        });
      }
    }
    cancelCheck();
    ctx.progress('Building the search index', 0, null);
    db.prepare('INSERT INTO response_fts (rowid, text) SELECT id, text FROM response WHERE id > ?').run(maxResponseId);
    if (triggerSql) db.exec(triggerSql);
    if (dateTriggerSql) {
      db.prepare(
        `INSERT INTO response_date (response_id, submitted_at, respondent_id, question_id)
         SELECT r.id, p.submitted_at, r.respondent_id, r.question_id
           FROM response r JOIN respondent p ON p.id = r.respondent_id WHERE r.id > ? ORDER BY r.id`,
      ).run(maxResponseId);
      db.exec(dateTriggerSql);
    }
    if (indexSql.length) ctx.progress('Building the indexes', 0, null);
    for (const sql of indexSql) db.exec(sql);
    if (countTriggerSql) {
      db.prepare(
        `INSERT INTO response_status_count (question_id, status, n)
         SELECT question_id, status, count(*) FROM response WHERE id > ? GROUP BY question_id, status
         ON CONFLICT (question_id, status) DO UPDATE SET n = n + excluded.n`,
      ).run(maxResponseId);
      db.exec(countTriggerSql);
    }
    refreshOptions(db, closedQuestions);
    cancelCheck();
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return summary;
}

export async function importTask(input: unknown, ctx: TaskContext): Promise<ImportSummary> {
  const params = input as RunImportInput;
  const db = openWorkerDb(params.dbPath);
  try {
    // A bigger page cache keeps the respondent id index in memory on large imports.
    db.pragma('cache_size = -65536');
    return await runImport(db, params, ctx);
  } finally {
    db.close();
  }
}
