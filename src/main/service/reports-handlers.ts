import { z } from 'zod';
import type { ReportOptions, ReportsApi, ReportSummary } from '../../shared/api';
import { listQuestions } from '../db/queries/questions';
import { runInWorker } from '../jobs/run-in-worker';
import { listThemes } from '../reports/data/themes';
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
  'reports.export': z.object({ format, options: reportOptionsSchema, path: z.string().trim().min(1).max(4096).optional() }),
};

/** One preview at a time per backend: a newer one cancels the one it replaces. */
const previews = new WeakMap<ServiceContext, string>();

async function preview(ctx: ServiceContext, options: ReportOptions): Promise<{ summary: ReportSummary; html: string }> {
  const project = ctx.project();
  const previous = previews.get(ctx);
  if (previous) ctx.jobs.cancel(previous);
  const input: PreviewTaskInput = { dbPath: project.path, options, generatedAt: new Date().toISOString() };
  const { job, done } = ctx.jobs.start({
    kind: 'reports.preview',
    title: 'Prepare the report preview',
    run: (handle) => runInWorker<{ summary: ReportSummary; html: string }>('reports.preview', input, handle),
  });
  previews.set(ctx, job.id);
  try {
    return await done;
  } finally {
    if (previews.get(ctx) === job.id) previews.delete(ctx);
  }
}

export const reportsHandlers: Handlers<ReportsApi> = {
  'reports.choices': (ctx) => {
    const db = ctx.project().db;
    return {
      questions: listQuestions(db)
        .filter((q) => q.kind !== 'attribute')
        .map((q) => ({ code: q.code, text: q.text, kind: q.kind, responses: q.responseCount })),
      themes: listThemes(db).map((t) => ({ id: t.id, questionCode: t.questionCode, name: t.name, status: t.status, parentId: t.parentId })),
      canChoosePath: ctx.host.chooseExportPath !== undefined,
    };
  },
  'reports.preview': (ctx, options) => preview(ctx, options),
  'reports.choosePath': async (ctx, input) => {
    if (!ctx.host.chooseExportPath) throw new AppError('UNSUPPORTED', 'Choosing where to save needs the desktop app; the export is offered as a download instead.');
    const f = FORMATS[input.format];
    return ctx.host.chooseExportPath(defaultFileName(ctx.project().title, input.format), [{ name: f.filter, extensions: [f.extension] }]);
  },
  'reports.export': (ctx, input) => startExport(ctx, input.format, input.options, input.path),
};
