import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../src/shared/api';
import { JobRunner } from '../../src/main/jobs/runner';
import { runInWorker } from '../../src/main/jobs/run-in-worker';

function collect(): { runner: JobRunner; seen: JobProgress[]; progressed: Promise<void> } {
  const seen: JobProgress[] = [];
  let onProgress = () => {};
  const progressed = new Promise<void>((resolve) => (onProgress = resolve));
  const runner = new JobRunner((e) => {
    if (e.type !== 'job') return;
    seen.push(e.job);
    if (e.job.state === 'running' && e.job.done > 0) onProgress();
  });
  return { runner, seen, progressed };
}

describe('jobs in worker threads', () => {
  it('run a task off the main thread and report progress and the result', async () => {
    const { runner, seen } = collect();
    const { done } = runner.start({
      kind: 'test',
      title: 'Count',
      run: (job) => runInWorker<number>('test.count', { upTo: 2_000_000, every: 100_000 }, job),
    });
    await expect(done).resolves.toBe(2_000_000);
    expect(seen.some((j) => j.state === 'running' && j.done > 0 && j.total === 2_000_000)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ state: 'done', result: 2_000_000 });
  });

  it('cancel: the task sees the flag and stops; the job ends as cancelled', async () => {
    const { runner, seen, progressed } = collect();
    const { job, done } = runner.start({
      kind: 'test',
      title: 'Forever',
      run: (handle) => runInWorker<number>('test.count', { upTo: Number.MAX_SAFE_INTEGER, every: 100_000 }, handle),
    });
    // Cancel once the task is under way in its worker (it has reported progress).
    await progressed;
    expect(runner.cancel(job.id)).toBe(true);
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen.at(-1)?.state).toBe('cancelled');
  });

  it('a failing task reports its error', async () => {
    const { runner } = collect();
    const { done } = runner.start({ kind: 'test', title: 'Fail', run: (job) => runInWorker('test.fail', {}, job) });
    await expect(done).rejects.toMatchObject({ code: 'BAD_FILE', message: 'row 7 is unreadable' });
  });
});
