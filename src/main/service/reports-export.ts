/**
 * Exports run as jobs: the worker writes beside the final name (".partial") and the file is renamed only
 * when it is complete, so a cancelled or failed export never leaves a half-written file. With no path
 * (serve mode) the file goes to the data folder's exports/<id>/, from where the server offers it for
 * download; exports there older than a day are removed (they hold response text).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ExportResult, JobProgress, ReportFormat, ReportOptions } from '../../shared/api';
import { runInWorker } from '../jobs/run-in-worker';
import type { ExportTaskInput, PreviewTaskInput } from '../reports/tasks';
import { chromiumPdf } from '../reports/writers/pdf-chromium';
import type { ReportSummary } from '../../shared/api';
import { AppError } from '../util/errors';
import type { ServiceContext } from './types';

export const FORMATS: Record<ReportFormat, { extension: string; what: string; filter: string }> = {
  docx: { extension: 'docx', what: 'summary of responses', filter: 'Word document' },
  odt: { extension: 'odt', what: 'summary of responses', filter: 'OpenDocument text' },
  html: { extension: 'html', what: 'summary of responses', filter: 'Web page' },
  pdf: { extension: 'pdf', what: 'summary of responses', filter: 'PDF' },
  md: { extension: 'md', what: 'summary of responses', filter: 'Markdown' },
  csv: { extension: 'csv', what: 'responses', filter: 'CSV' },
  'csv-matrix': { extension: 'csv', what: 'respondents x themes', filter: 'CSV' },
  xlsx: { extension: 'xlsx', what: 'coded responses', filter: 'Excel workbook' },
  codebook: { extension: 'csv', what: 'codebook', filter: 'CSV' },
};

const KEEP_EXPORTS_MS = 24 * 60 * 60 * 1000;
export const EXPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function exportsDir(ctx: ServiceContext): string {
  return join(ctx.settings.dataDir, 'exports');
}

export function defaultFileName(title: string, format: ReportFormat): string {
  const safe =
    title
      .replace(/[^\p{L}\p{N} ,'()-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'Consultation';
  const f = FORMATS[format];
  return `${safe} - ${f.what}.${f.extension}`;
}

function withExtension(path: string, format: ReportFormat): string {
  const ext = FORMATS[format].extension;
  return extname(path).toLowerCase() === `.${ext}` ? path : `${path}.${ext}`;
}

function removeOldExports(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (EXPORT_ID.test(name) && Date.now() - statSync(path).mtimeMs > KEEP_EXPORTS_MS)
      rmSync(path, { recursive: true, force: true });
  }
}

export function startExport(
  ctx: ServiceContext,
  format: ReportFormat,
  options: ReportOptions,
  path: string | undefined,
): JobProgress {
  const project = ctx.project();
  let target: string;
  let downloadUrl: string | null = null;
  if (path) {
    target = withExtension(resolve(path), format);
    if (!existsSync(dirname(target))) throw new AppError('NOT_FOUND', `The folder ${dirname(target)} does not exist.`);
    if (existsSync(target) && statSync(target).isDirectory())
      throw new AppError('CONFLICT', `${target} is a folder; give a file name.`);
  } else {
    removeOldExports(exportsDir(ctx));
    const id = randomUUID();
    mkdirSync(join(exportsDir(ctx), id), { recursive: true });
    target = join(exportsDir(ctx), id, defaultFileName(project.title, format));
    downloadUrl = `/exports/${id}`;
  }
  const partial = `${target}.partial`;
  const base: PreviewTaskInput = { dbPath: project.path, options, generatedAt: new Date().toISOString() };
  const { job } = ctx.jobs.start<ExportResult>({
    kind: 'reports.export',
    title: `Export ${basename(target)}`,
    run: async (handle) => {
      try {
        if (format === 'pdf') {
          const { html } = await runInWorker<{ summary: ReportSummary; html: string }>('reports.preview', base, handle);
          handle.progress('Printing the PDF', 0, null);
          const pdf = ctx.host.printToPdf ? await ctx.host.printToPdf(html) : await chromiumPdf(html, handle.signal);
          writeFileSync(partial, pdf);
        } else {
          const input: ExportTaskInput = { ...base, format, outPath: partial };
          await runInWorker('reports.export', input, handle);
        }
        if (handle.signal.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
        renameSync(partial, target);
        return { format, path: target, fileName: basename(target), bytes: statSync(target).size, downloadUrl };
      } catch (error) {
        rmSync(partial, { force: true });
        if (downloadUrl) rmSync(dirname(target), { recursive: true, force: true });
        throw error;
      }
    },
  });
  return job;
}

/** The finished export with this id in the data folder, or null: never any other path. */
export function exportedFile(dataDir: string, id: string): string | null {
  if (!EXPORT_ID.test(id)) return null;
  const dir = join(dataDir, 'exports', id);
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => !f.endsWith('.partial'));
  return files.length === 1 ? join(dir, files[0]) : null;
}
