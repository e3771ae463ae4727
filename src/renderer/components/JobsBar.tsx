import { useEffect, useState } from 'react';
import type { JobProgress } from '../../shared/api';
import { api } from '../api';

function formatEta(ms: number | null): string {
  if (ms === null) return '';
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `about ${s} s left` : `about ${Math.ceil(s / 60)} min left`;
}

/** Every long operation, with its progress and a Cancel button. Finished jobs linger briefly, then go. */
export function JobsBar() {
  const [jobs, setJobs] = useState<Map<string, JobProgress>>(new Map());
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type !== 'job') return;
        const job = event.job;
        setJobs((prev) => new Map(prev).set(job.id, job));
        if (job.state !== 'running') {
          setTimeout(
            () =>
              setJobs((prev) => {
                const next = new Map(prev);
                next.delete(job.id);
                return next;
              }),
            job.state === 'done' ? 3000 : 10000,
          );
        }
      }),
    [],
  );
  const list = [...jobs.values()];
  return (
    <div className="jobs" role="status" aria-live="polite">
      {list.map((job) => (
        <div key={job.id} className={`job job-${job.state}`}>
          <span className="job-title">{job.title}</span>
          <span className="job-phase">
            {job.state === 'running' ? job.phase : job.state === 'done' ? 'Done' : (job.error?.message ?? job.state)}
          </span>
          {job.state === 'running' && (
            <>
              <progress
                max={job.total ?? undefined}
                value={job.total ? job.done : undefined}
                aria-label={`${job.title} progress`}
              />
              <span className="job-count">
                {job.total ? `${job.done.toLocaleString('en-GB')} of ${job.total.toLocaleString('en-GB')}` : ''}{' '}
                {formatEta(job.etaMs)}
              </span>
              <button type="button" onClick={() => void api.call('jobs.cancel', { id: job.id })}>
                Cancel
              </button>
            </>
          )}
        </div>
      ))}
    </div>
  );
}
