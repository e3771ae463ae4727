/** `consult export`: the report options from the command line, and the export job waited for. */
import { resolve } from 'node:path';
import type { ApiClient, ExportResult, JobProgress, ReportFormat, ReportOptions } from '../../shared/api';
import { AppError } from '../util/errors';

const FORMATS: readonly ReportFormat[] = ['docx', 'odt', 'html', 'pdf', 'md', 'csv', 'csv-matrix', 'xlsx', 'codebook'];

/** parseArgs options for `consult export` (Node 20's parseArgs has no --no-x negation, so they are spelled out). */
export const EXPORT_OPTIONS = {
  format: { type: 'string' },
  out: { type: 'string' },
  question: { type: 'string', multiple: true },
  'no-redact': { type: 'boolean', default: false },
  'include-excluded': { type: 'boolean', default: false },
  campaigns: { type: 'string' },
  'no-anonymise': { type: 'boolean', default: false },
  'name-organisations': { type: 'boolean', default: false },
} as const;

export interface ExportArgs {
  format?: string;
  out?: string;
  question?: string[];
  'no-redact'?: boolean;
  'include-excluded'?: boolean;
  campaigns?: string;
  'no-anonymise'?: boolean;
  'name-organisations'?: boolean;
}

export function optionsFromArgs(args: ExportArgs): { format: ReportFormat; out: string; options: ReportOptions } {
  const format = args.format as ReportFormat | undefined;
  if (!format || !FORMATS.includes(format)) {
    throw new AppError(
      'INVALID_INPUT',
      `--format must be one of ${FORMATS.join(', ')}${args.format ? `, not ${args.format}` : ''}.`,
    );
  }
  if (!args.out) throw new AppError('INVALID_INPUT', '--out PATH is required: where to write the file.');
  if (args.campaigns !== undefined && args.campaigns !== 'once' && args.campaigns !== 'each') {
    throw new AppError('INVALID_INPUT', `--campaigns must be "once" or "each", not ${args.campaigns}.`);
  }
  return {
    format,
    out: resolve(args.out),
    options: {
      questions: args.question?.length ? args.question : undefined,
      redact: !args['no-redact'],
      includeExcluded: Boolean(args['include-excluded']),
      campaigns: args.campaigns === 'each' ? 'each' : 'once',
      anonymise: !args['no-anonymise'],
      nameOrganisations: Boolean(args['name-organisations']),
    },
  };
}

/** Opens the project, runs the export job and waits for it; a failed job becomes the command's error. */
export async function exportReport(api: ApiClient, project: string, args: ExportArgs): Promise<ExportResult> {
  const { format, out, options } = optionsFromArgs(args);
  await api.call('project.open', { path: project });
  const finished = new Map<string, JobProgress>();
  let wake: () => void = () => undefined;
  const off = api.subscribe((event) => {
    if (event.type === 'job' && event.job.state !== 'running') {
      finished.set(event.job.id, event.job);
      wake();
    }
  });
  try {
    const job = await api.call('reports.export', { format, options, path: out });
    while (!finished.has(job.id)) await new Promise<void>((r) => (wake = r));
    const done = finished.get(job.id)!;
    if (done.state !== 'done')
      throw new AppError(done.error?.code ?? 'INTERNAL', done.error?.message ?? `The export ${done.state}.`);
    return done.result as ExportResult;
  } finally {
    off();
  }
}
