import type { ApiClient, ImportSourceSpec, ImportSummary } from '../../shared/api';
import { AppError } from '../util/errors';
import { applyMappingFile, readMappingFile } from './mapping-file';
import { emptySummary } from './run';

/**
 * `consult import`: previews the files, applies the mapping file (or the proposal), runs the import job
 * and waits for its summary. Sources that cannot be read are reported as failed files.
 */
export async function importFromCli(
  api: ApiClient,
  paths: string[],
  mappingPath: string | undefined,
  allowReimport: boolean,
  progress?: (s: string) => void,
): Promise<ImportSummary> {
  const file = mappingPath ? readMappingFile(mappingPath) : null;
  const preview = await api.call('import.preview', { paths });
  const codes = new Set(preview.questions.map((q) => q.code));
  const failed = preview.sources
    .filter((s) => s.error)
    .map((s) => ({ name: s.name, paths: s.paths, message: s.error ?? 'could not be read' }));
  const specs: ImportSourceSpec[] = [];
  for (const s of preview.sources.filter((x) => !x.error)) {
    try {
      specs.push({ paths: s.paths, sheet: s.sheet, mapping: file ? applyMappingFile(file, s, codes) : s.mapping });
    } catch (error) {
      // A file whose columns the mapping file does not fit is reported; the others still import.
      failed.push({ name: s.name, paths: s.paths, message: error instanceof Error ? error.message : String(error) });
    }
  }
  let summary: ImportSummary = {
    files: [],
    respondentsAdded: 0,
    responsesAdded: 0,
    quarantined: 0,
    duplicates: 0,
    questionsCreated: [],
  };
  if (specs.length) {
    const { jobId } = await api.call('import.start', { sources: specs, allowReimport });
    summary = await new Promise<ImportSummary>((resolveJob, reject) => {
      const off = api.subscribe((event) => {
        if (event.type !== 'job' || event.job.id !== jobId) return;
        const job = event.job;
        if (job.state === 'running') {
          progress?.(
            `\r${job.phase}: ${job.done.toLocaleString('en-GB')}${job.total ? ` of ~${job.total.toLocaleString('en-GB')}` : ''}   `,
          );
          return;
        }
        off();
        progress?.('\n');
        if (job.state === 'done') resolveJob(job.result as ImportSummary);
        else reject(new AppError(job.error?.code ?? 'INTERNAL', job.error?.message ?? 'The import failed.'));
      });
    });
  }
  for (const s of failed) {
    summary.files.push({ ...emptySummary(s, s.name), message: s.message });
  }
  return summary;
}

export function summaryLines(summary: ImportSummary): string[] {
  const lines: string[] = [];
  for (const f of summary.files) {
    lines.push(f.status === 'imported' ? f.message : `${f.status.toUpperCase()}: ${f.message}`);
    if (f.encoding) lines.push(`  format ${f.format}, encoding ${f.encoding}`);
    for (const q of f.quarantineSample)
      lines.push(`  ${q.kind === 'duplicate' ? 'duplicate' : 'quarantined'}: ${q.reason}`);
    const more = f.quarantined + f.duplicates - f.quarantineSample.length;
    if (more > 0) lines.push(`  ... and ${more.toLocaleString('en-GB')} more (see the quarantine list in the app)`);
  }
  lines.push(
    `Total: ${summary.respondentsAdded.toLocaleString('en-GB')} respondents, ${summary.responsesAdded.toLocaleString('en-GB')} answers imported; ${summary.quarantined.toLocaleString('en-GB')} rows quarantined; ${summary.duplicates.toLocaleString('en-GB')} duplicates skipped.`,
  );
  if (summary.questionsCreated.length) lines.push(`New questions: ${summary.questionsCreated.join(', ')}`);
  return lines;
}
