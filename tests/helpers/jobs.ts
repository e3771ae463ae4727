import type { ApiClient, JobProgress } from '../../src/shared/api';

/**
 * Resolves with a job's final state once it has stopped running: from its job event, or from `jobs.list` when it
 * ended before we listened. No polling and no timer of its own: the test's timeout is the only limit.
 */
export function jobEnd(api: ApiClient, jobId: string): Promise<JobProgress> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (job: JobProgress) => {
      if (settled) return;
      settled = true;
      off();
      resolve(job);
    };
    const off = api.subscribe((event) => {
      if (event.type === 'job' && event.job.id === jobId && event.job.state !== 'running') settle(event.job);
    });
    api.call('jobs.list').then((jobs) => {
      const job = jobs.find((j) => j.id === jobId);
      if (job && job.state !== 'running') settle(job);
    }, reject);
  });
}
