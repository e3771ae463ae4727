/**
 * The report tasks that run in a worker thread, each on its own connection: the summary and its HTML (for
 * the preview and for printing to PDF), and every file export. They only read the project (the scope lives
 * in temp tables of this connection), so cancelling leaves the project exactly as it was.
 */
import { statSync, writeFileSync } from 'node:fs';
import type { ReportFormat, ReportOptions, ReportSummary } from '../../shared/api';
import { openWorkerDb, type Db } from '../db/connection';
import type { TaskContext } from '../jobs/protocol';
import { AppError } from '../util/errors';
import { codebookTable, matrixTable, prepareData, responsesTable } from './data/tables';
import { redactorFor } from './redaction';
import { buildSummary } from './summary';
import { writeCsv } from './writers/csv';
import { renderDocx } from './writers/docx';
import { renderHtml } from './writers/html';
import { renderMarkdown } from './writers/markdown';
import { renderOdt } from './writers/odt';
import { writeXlsx } from './writers/xlsx';

export interface PreviewTaskInput {
  dbPath: string;
  options: ReportOptions;
  generatedAt: string;
}

export interface ExportTaskInput extends PreviewTaskInput {
  format: Exclude<ReportFormat, 'pdf'>;
  /** Where to write: a partial file the caller renames when the task succeeds. */
  outPath: string;
}

function withDb<T>(path: string, fn: (db: Db) => Promise<T> | T): Promise<T> {
  const db = openWorkerDb(path);
  return Promise.resolve()
    .then(() => fn(db))
    .finally(() => db.close());
}

function summarise(db: Db, input: PreviewTaskInput, ctx: TaskContext): ReportSummary {
  return buildSummary(db, input.options, redactorFor(db, input.options.redact), ctx, new Date(input.generatedAt));
}

export function previewTask(raw: unknown, ctx: TaskContext): Promise<{ summary: ReportSummary; html: string }> {
  const input = raw as PreviewTaskInput;
  return withDb(input.dbPath, (db) => {
    const summary = summarise(db, input, ctx);
    return { summary, html: renderHtml(summary) };
  });
}

async function writeDocument(db: Db, input: ExportTaskInput, ctx: TaskContext): Promise<void> {
  const summary = summarise(db, input, ctx);
  ctx.progress('Writing the document', 0, null);
  if (ctx.cancelled()) throw new AppError('CANCELLED', 'The export was cancelled.');
  const render: Record<
    'docx' | 'odt' | 'html' | 'md',
    () => Promise<Buffer | Uint8Array | string> | string | Uint8Array
  > = {
    docx: () => renderDocx(summary),
    odt: () => renderOdt(summary),
    html: () => renderHtml(summary),
    md: () => renderMarkdown(summary),
  };
  writeFileSync(input.outPath, await render[input.format as 'docx' | 'odt' | 'html' | 'md']());
}

function writeData(db: Db, input: ExportTaskInput, ctx: TaskContext): void {
  ctx.progress('Choosing responses', 0, null);
  const redact = redactorFor(db, input.options.redact);
  const scope = prepareData(db, input.options);
  switch (input.format) {
    case 'csv':
      writeCsv(responsesTable(db, scope, input.options, redact, ctx), input.outPath);
      return;
    case 'csv-matrix':
      writeCsv(matrixTable(db, scope, input.options, redact, ctx), input.outPath);
      return;
    case 'codebook':
      writeCsv(codebookTable(db, scope), input.outPath);
      return;
    default:
      writeXlsx(
        [
          responsesTable(db, scope, input.options, redact, ctx),
          matrixTable(db, scope, input.options, redact, ctx),
          codebookTable(db, scope),
        ],
        input.outPath,
      );
  }
}

const DOCUMENTS = new Set<ReportFormat>(['docx', 'odt', 'html', 'md']);

export function exportTask(raw: unknown, ctx: TaskContext): Promise<{ bytes: number }> {
  const input = raw as ExportTaskInput;
  return withDb(input.dbPath, async (db) => {
    if (DOCUMENTS.has(input.format)) await writeDocument(db, input, ctx);
    else writeData(db, input, ctx);
    return { bytes: statSync(input.outPath).size };
  });
}
