/** `consult analyse`: discovery where a question has no accepted codebook yet, classification with --classify. */
import type { ApiClient, ClassifyResult, DiscoverResult, JobProgress, Question } from '../shared/api';
import { AppError } from './util/errors';

export interface AnalyseOptions {
  question?: string;
  themes: number | 'auto';
  classify: boolean;
}

export interface QuestionReport {
  question: string;
  action: 'discovered' | 'classified' | 'skipped';
  reason?: string;
  discovery?: DiscoverResult;
  classification?: ClassifyResult;
  themes: { id: number; name: string; status: string; keywords: string[]; accepted: number; proposed: number }[];
}

function waitFor(api: ApiClient, jobId: string, log: (s: string) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let lastPhase = '';
    const off = api.subscribe((event) => {
      if (event.type !== 'job' || event.job.id !== jobId) return;
      const job: JobProgress = event.job;
      if (job.state === 'running') {
        if (job.phase !== lastPhase) log(`  ${job.phase}…`);
        lastPhase = job.phase;
        return;
      }
      off();
      if (job.state === 'done') resolve(job.result);
      else reject(new AppError(job.error?.code ?? 'INTERNAL', job.error?.message ?? `The job ended as ${job.state}.`));
    });
  });
}

export async function analyse(
  api: ApiClient,
  options: AnalyseOptions,
  log: (s: string) => void,
): Promise<QuestionReport[]> {
  const questions = (await api.call('questions.list')).filter(
    (q: Question) => q.kind === 'open' && (!options.question || q.code === options.question),
  );
  if (questions.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      options.question
        ? `There is no open question with code ${options.question}.`
        : 'This project has no open questions.',
    );
  }
  const reports: QuestionReport[] = [];
  for (const q of questions) {
    const before = await api.call('themes.list', { questionId: q.id });
    const hasCodebook = before.themes.some((t) => t.status === 'accepted' && !t.isOther);
    const report: QuestionReport = { question: q.code, action: 'skipped', themes: [] };
    if (options.classify) {
      if (!hasCodebook) {
        report.reason = 'no accepted codebook: run analyse without --classify, then accept themes';
      } else {
        log(`${q.code}: classifying responses no analyst has coded`);
        const { jobId } = await api.call('themes.classify', { questionId: q.id });
        report.classification = (await waitFor(api, jobId, log)) as ClassifyResult;
        report.action = 'classified';
      }
    } else if (hasCodebook) {
      report.reason = 'has an accepted codebook: use --classify to apply it';
    } else {
      log(
        `${q.code}: discovering themes (${options.themes === 'auto' ? 'number chosen automatically' : `${options.themes} themes`})`,
      );
      const { jobId } = await api.call('themes.discover', { questionId: q.id, themes: options.themes });
      report.discovery = (await waitFor(api, jobId, log)) as DiscoverResult;
      report.action = 'discovered';
    }
    const after = await api.call('themes.list', { questionId: q.id });
    report.themes = after.themes.map((t) => ({
      id: t.id,
      name: t.name,
      status: t.status,
      keywords: t.keywords,
      accepted: t.accepted,
      proposed: t.proposed,
    }));
    if (report.reason) log(`${q.code}: skipped (${report.reason})`);
    else {
      for (const t of after.themes)
        log(`  ${String(t.accepted + t.proposed).padStart(7)}  ${(t.share * 100).toFixed(1).padStart(5)}%  ${t.name}`);
      const agreement = report.classification?.agreement;
      if (agreement)
        log(
          `  Agreement with analysts (cross-validated): samples-F1 ${agreement.samplesF1.toFixed(3)}, kappa ${agreement.kappa.toFixed(3)}`,
        );
    }
    reports.push(report);
  }
  return reports;
}
