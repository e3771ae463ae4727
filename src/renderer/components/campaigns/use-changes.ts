import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../shared/api';
import { api } from '../../api';

/** Calls `reload` when the backend says `what` changed (a detection or scan finished). */
export function useChanged(what: string, reload: () => void): void {
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'changed' && event.what === what) reload();
      }),
    [what, reload],
  );
}

/** The running job of a kind, if any, followed through job events. */
export function useRunningJob(kind: string): [JobProgress | null, (job: JobProgress) => void] {
  const [job, setJob] = useState<JobProgress | null>(null);
  useEffect(() => {
    api.call('jobs.list').then(
      (jobs) => setJob(jobs.find((j) => j.kind === kind && j.state === 'running') ?? null),
      () => undefined,
    );
    return api.subscribe((event) => {
      if (event.type !== 'job' || event.job.kind !== kind) return;
      setJob(event.job.state === 'running' ? event.job : null);
    });
  }, [kind]);
  return [job, setJob];
}
