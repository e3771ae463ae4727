import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../shared/api';
import { api } from '../../api';

function timeLeft(ms: number | null): string {
  if (ms === null) return '';
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `about ${s} seconds left` : `about ${Math.ceil(s / 60)} minutes left`;
}

/** The running import: rows, percent, time left, and Cancel. Calls onFinished with the last event. */
export function ImportProgress({ jobId, onFinished }: { jobId: string; onFinished: (job: JobProgress) => void }) {
  const [job, setJob] = useState<JobProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    let finished = false;
    const seen = (next: JobProgress): void => {
      if (finished) return;
      setJob(next);
      if (next.state !== 'running') {
        finished = true;
        onFinished(next);
      }
    };
    const off = api.subscribe((event) => {
      if (event.type === 'job' && event.job.id === jobId) seen(event.job);
    });
    // A small file can finish before this subscribed: ask once for where the job is now.
    void api.call('jobs.list').then((jobs) => {
      const current = jobs.find((j) => j.id === jobId);
      if (current) seen(current);
    });
    return off;
  }, [jobId, onFinished]);
  const percent = job?.total ? Math.min(100, Math.floor((job.done / job.total) * 100)) : null;
  const importing = job?.phase.startsWith('Importing');
  return (
    <section className="import-progress" aria-labelledby="import-progress-title">
      <h2 id="import-progress-title">Importing</h2>
      <p>{job?.phase ?? 'Starting…'}</p>
      <progress max={100} value={percent ?? undefined} aria-labelledby="import-progress-title" />
      <p aria-live="polite" className="muted">
        {importing && job
          ? `${job.done.toLocaleString('en-GB')} rows${job.total ? ` of about ${job.total.toLocaleString('en-GB')}` : ''}`
          : ''}
        {percent !== null ? ` — ${percent}%` : ''}
        {job?.etaMs ? ` — ${timeLeft(job.etaMs)}` : ''}
      </p>
      <button
        type="button"
        disabled={cancelling}
        onClick={() => {
          setCancelling(true);
          void api.call('jobs.cancel', { id: jobId });
        }}
      >
        {cancelling ? 'Cancelling…' : 'Cancel import'}
      </button>
    </section>
  );
}
