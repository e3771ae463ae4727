import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../src/shared/api';
import { createClient } from '../../src/shared/client';
import { BackendThreadClient } from '../../src/main/service/backend-thread-client';
import { onCleanup, tempDir } from '../helpers/temp';

describe('the backend in its own thread (as the Electron app runs it)', () => {
  it('carries calls, events and host requests (file dialogs) across the thread boundary', async () => {
    const dir = tempDir();
    const chosen = join(dir, 'chosen.consult');
    const asked: string[] = [];
    const thread = new BackendThreadClient(
      { dataDir: join(dir, 'data') },
      {
        chooseProjectToCreate: async () => {
          asked.push('create');
          return chosen;
        },
        chooseProjectToOpen: async () => {
          asked.push('open');
          return null; // the user cancelled the dialog
        },
      },
    );
    onCleanup(() => thread.close());
    const api = createClient(thread);
    const events: ApiEvent[] = [];
    api.subscribe((e) => events.push(e));

    const created = await api.call('project.chooseAndCreate');
    expect(created?.path).toBe(chosen);
    expect(existsSync(chosen)).toBe(true);
    expect(await api.call('project.chooseAndOpen')).toBeNull();
    expect(asked).toEqual(['create', 'open']);
    expect(await api.call('project.stats')).toMatchObject({ respondents: 0 });
    await expect(api.call('project.open', { path: join(dir, 'missing.consult') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(events.some((e) => e.type === 'project' && e.project?.path === chosen)).toBe(true);
  });

  it('runs jobs from the thread (the sample build) and closes cleanly', async () => {
    const dir = tempDir();
    const thread = new BackendThreadClient({ dataDir: join(dir, 'data') });
    const api = createClient(thread);
    const jobs: ApiEvent[] = [];
    api.subscribe((e) => e.type === 'job' && jobs.push(e));
    const sample = await api.call('project.openSample');
    expect(sample.isSample).toBe(true);
    expect((await api.call('project.stats')).respondents).toBeGreaterThan(1000);
    expect(jobs.some((e) => e.type === 'job' && e.job.state === 'done')).toBe(true);
    await thread.close();
    expect((await thread.invoke('project.current', undefined)).ok).toBe(false);
  });
});
