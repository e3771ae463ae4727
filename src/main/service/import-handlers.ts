import { z } from 'zod';
import type { ImportApi, ImportMapping, ImportPreview, ImportSummary } from '../../shared/api';
import {
  deleteMapping,
  importHistory,
  listMappings,
  listQuarantine,
  quarantineCsv,
  saveMapping,
} from '../db/queries/imports';
import { layoutKey, type PreviewInput } from '../importers/preview';
import type { RunImportInput } from '../importers/run';
import { runInWorker } from '../jobs/run-in-worker';
import { AppError } from '../util/errors';
import { removeUploads } from './uploads';
import type { Handlers, Schemas, ServiceContext } from './types';

const path = z.string().trim().min(1).max(4096);
const label = z.string().trim().max(500);

const columnMapping = z.object({
  column: z.string().min(1).max(1000),
  role: z.enum(['id', 'open', 'closed', 'attribute', 'themes', 'ignore']),
  question: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[\p{L}\p{N}_.-]+$/u, 'A question code is letters, digits, _ . or -')
    .optional(),
  text: label.optional(),
  attribute: z.string().trim().min(1).max(200).optional(),
});

export const mappingSchema: z.ZodType<ImportMapping> = z
  .object({ columns: z.array(columnMapping).max(5000) })
  .superRefine((m, issue) => {
    if (m.columns.filter((c) => c.role === 'id').length > 1)
      issue.addIssue({ code: 'custom', message: 'Only one column can be the respondent id.' });
    const seen = new Set<string>();
    for (const c of m.columns) {
      if (seen.has(c.column)) issue.addIssue({ code: 'custom', message: `The column "${c.column}" is mapped twice.` });
      seen.add(c.column);
      if ((c.role === 'open' || c.role === 'closed') && !c.question)
        issue.addIssue({ code: 'custom', message: `Choose a question for the column "${c.column}".` });
    }
  });

export const importSchemas: Schemas<ImportApi> = {
  'import.preview': z.object({
    paths: z.array(path).min(1).max(10_000),
    sheets: z.record(z.string(), z.string().nullable()).optional(),
  }),
  'import.start': z.object({
    sources: z
      .array(
        z.object({
          paths: z.array(path).min(1).max(200_000),
          sheet: z.string().max(300).nullable().optional(),
          mapping: mappingSchema,
        }),
      )
      .min(1)
      .max(1000),
    allowReimport: z.boolean().optional(),
  }),
  'import.chooseFiles': z.void(),
  'import.history': z.void(),
  'import.quarantine': z.object({
    importId: z.number().int().positive().optional(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(500),
  }),
  'import.quarantineExport': z.object({ importId: z.number().int().positive().optional() }),
  'import.mappings': z.void(),
  'import.saveMapping': z.object({
    name: z.string().trim().min(1).max(200),
    columns: z.array(z.string().max(1000)).min(1).max(5000),
    mapping: mappingSchema,
  }),
  'import.deleteMapping': z.object({ id: z.number().int().positive() }),
};

/** Starts the import job and returns at once; the job's result is the ImportSummary. */
export function startImport(
  ctx: ServiceContext,
  input: { sources: RunImportInput['sources']; allowReimport?: boolean },
): { jobId: string; done: Promise<ImportSummary> } {
  const project = ctx.project();
  const running = ctx.jobs.list().find((j) => j.kind === 'import' && j.state === 'running');
  if (running) throw new AppError('CONFLICT', 'An import is already running; wait for it to finish or cancel it.');
  const params: RunImportInput = {
    dbPath: project.path,
    sources: input.sources,
    allowReimport: input.allowReimport ?? false,
    analyst: ctx.analyst(),
  };
  const files = input.sources.length;
  const { job, done } = ctx.jobs.start({
    kind: 'import',
    title:
      files === 1
        ? `Import ${input.sources[0].paths.length === 1 ? input.sources[0].paths[0].split(/[\\/]/).pop() : `${input.sources[0].paths.length} documents`}`
        : `Import ${files} files`,
    run: async (handle) => {
      try {
        const summary = await runInWorker<ImportSummary>('import.run', params, handle);
        ctx.emit({ type: 'changed', what: 'responses' });
        ctx.emit({ type: 'changed', what: 'imports' });
        return summary;
      } finally {
        // Files serve mode stored for this import are not needed once it has settled, whatever the outcome.
        removeUploads(
          ctx.settings.dataDir,
          input.sources.flatMap((s) => s.paths),
        );
      }
    },
  });
  return { jobId: job.id, done };
}

export async function previewFiles(
  ctx: ServiceContext,
  paths: string[],
  sheets: Record<string, string | null> = {},
): Promise<ImportPreview> {
  const params: PreviewInput = { dbPath: ctx.project().path, paths, sheets };
  const { done } = ctx.jobs.start({
    kind: 'import.preview',
    title: paths.length === 1 ? `Read ${paths[0].split(/[\\/]/).pop()}` : `Read ${paths.length} files`,
    run: (handle) => runInWorker<ImportPreview>('import.preview', params, handle),
  });
  return done;
}

export const importHandlers: Handlers<ImportApi> = {
  'import.preview': (ctx, input) => previewFiles(ctx, input.paths, input.sheets),
  'import.start': (ctx, input) => ({ jobId: startImport(ctx, input).jobId }),
  'import.chooseFiles': async (ctx) => {
    if (!ctx.host.chooseImportFiles)
      throw new AppError(
        'UNSUPPORTED',
        'Choosing files needs the desktop app; type the path of a file or folder instead.',
      );
    return ctx.host.chooseImportFiles();
  },
  'import.history': (ctx) => importHistory(ctx.project().db),
  'import.quarantine': (ctx, input) => listQuarantine(ctx.project().db, input.importId, input.offset, input.limit),
  'import.quarantineExport': (ctx, input) => ({
    fileName: `quarantine${input.importId ? `-import-${input.importId}` : ''}.csv`,
    csv: quarantineCsv(ctx.project().db, input.importId),
  }),
  'import.mappings': (ctx) => listMappings(ctx.project().db),
  'import.saveMapping': (ctx, input) =>
    saveMapping(ctx.project().db, input.name, layoutKey(input.columns), input.mapping, ctx.analyst()),
  'import.deleteMapping': (ctx, input) => {
    deleteMapping(ctx.project().db, input.id, ctx.analyst());
    return null;
  },
};
