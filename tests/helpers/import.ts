import { jobEnd } from './jobs';
import type { ApiClient, ImportPreview, ImportSourceSpec, ImportSummary, JobProgress } from '../../src/shared/api';

/** Previews paths, imports every readable source with the proposed (or adjusted) mapping, returns the summary. */
export async function importPaths(
  api: ApiClient,
  paths: string[],
  options: { allowReimport?: boolean; adjust?: (preview: ImportPreview) => ImportSourceSpec[] } = {},
): Promise<{ preview: ImportPreview; summary: ImportSummary; job: JobProgress }> {
  const preview = await api.call('import.preview', { paths });
  const sources = options.adjust
    ? options.adjust(preview)
    : preview.sources.filter((s) => !s.error).map((s) => ({ paths: s.paths, sheet: s.sheet, mapping: s.mapping }));
  const { jobId } = await api.call('import.start', { sources, allowReimport: options.allowReimport });
  const job = await jobEnd(api, jobId);
  if (job.state !== 'done') throw new Error(`import ${job.state}: ${job.error?.message}`);
  return { preview, summary: job.result as ImportSummary, job };
}
