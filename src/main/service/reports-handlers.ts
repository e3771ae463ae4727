import { z } from 'zod';
import type { ReportOptions, ReportsApi, ReportSummary } from '../../shared/api';
import { listQuestions } from '../db/queries/questions';
import { runInWorker } from '../jobs/run-in-worker';
import { listThemes, themesForReport } from '../reports/data/themes';
import type { PreviewTaskInput } from '../reports/tasks';
import { AppError } from '../util/errors';
import { defaultFileName, FORMATS, startExport } from './reports-export';
import type { Handlers, Schemas, ServiceContext } from './types';

const format = z.enum(['docx', 'odt', 'html', 'pdf', 'md', 'csv', 'csv-matrix', 'xlsx', 'codebook']);

export const reportOptionsSchema: z.ZodType<ReportOptions> = z.object({
  questions: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
  themeIds: z.array(z.number().int().positive()).max(5000).optional(),
  redact: z.boolean(),
  includeExcluded: z.boolean(),
  campaigns: z.enum(['once', 'each']),
  anonymise: z.boolean(),
  nameOrganisations: z.boolean(),
});

export const reportsSchemas: Schemas<ReportsApi> = {
  'reports.choices': z.void(),
  'reports.preview': reportOptionsSchema,
  'reports.choosePath': z.object({ format }),
  'reports.export': z.object({
    format,
    options: reportOptionsSchema,
    path: z.string().trim().min(1).max(4096).optional(),
  }),
};

/**
 * One preview at a time per backend: a newer one cancels the one it replaces. Previews run in a worker like
 * any job, but not in the jobs list: they come and go as the analyst changes options, and the Reports page
 * shows their state itself.
 */
const previews = new WeakMap<ServiceContext, AbortController>();

async function preview(ctx: ServiceContext, options: ReportOptions): Promise<{ summary: ReportSummary; html: string }> {
  const project = ctx.project();
  previews.get(ctx)?.abort();
  const controller = new AbortController();
  previews.set(ctx, controller);
  const input: PreviewTaskInput = { dbPath: project.path, options, generatedAt: new Date().toISOString() };
  try {
    return await runInWorker<{ summary: ReportSummary; html: string }>('reports.preview', input, {
      signal: controller.signal,
      progress: () => undefined,
    });
  } finally {
    if (previews.get(ctx) === controller) previews.delete(ctx);
  }
}

export const reportsHandlers: Handlers<ReportsApi> = {
  'reports.choices': (ctx) => {
    const db = ctx.project().db;
    const shown = new Set(themesForReport(db, undefined).themes.map((t) => t.id));
    return {
      questions: listQuestions(db)
        .filter((q) => q.kind !== 'attribute')
        .map((q) => ({ code: q.code, text: q.text, kind: q.kind, responses: q.responseCount })),
      themes: listThemes(db).map((t) => ({
        id: t.id,
        questionCode: t.questionCode,
        name: t.name,
        status: t.status,
        parentId: t.parentId,
        inDefault: shown.has(t.id),
      })),
      canChoosePath: ctx.host.chooseExportPath !== undefined,
    };
  },
  'reports.preview': (ctx, options) => preview(ctx, options),
  'reports.choosePath': async (ctx, input) => {
    if (!ctx.host.chooseExportPath)
      throw new AppError(
        'UNSUPPORTED',
        'Choosing where to save needs the desktop app; the export is offered as a download instead.',
      );
    const f = FORMATS[input.format];
    return ctx.host.chooseExportPath(defaultFileName(ctx.project().title, input.format), [
      { name: f.filter, extensions: [f.extension] },
    ]);
  },
  'reports.export': (ctx, input) => startExport(ctx, input.format, input.options, input.path),
};
