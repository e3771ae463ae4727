import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/shared/client';
import { BackendThreadClient } from '../../src/main/service/backend-thread-client';
import { setBuiltThreadDir } from '../../src/main/threads/script';
import { packageRoot } from '../../src/main/util/paths';
import { jobEnd } from '../helpers/jobs';
import { onCleanup, tempDir } from '../helpers/temp';

/**
 * The Electron app runs the backend and its jobs from the built files (out/main), not from source as every
 * other test does: a dependency the bundle leaves to Node's resolver (natural's submodules) or a thread that
 * cannot find its siblings breaks only there. `npm test` builds before it tests; CI never skips this.
 */
const outMain = join(packageRoot(), 'out', 'main');
const built = existsSync(join(outMain, 'backend-thread.js')) && existsSync(join(outMain, 'worker.js'));
const skip = built || process.env.CI ? null : 'no build in out/main (run `npx electron-vite build`)';

describe.skipIf(skip)(`the built backend and job threads${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('open the sample and discover themes in a job, as the desktop app does', async () => {
    setBuiltThreadDir(outMain);
    const dir = tempDir();
    const thread = new BackendThreadClient({ dataDir: join(dir, 'data') });
    onCleanup(() => thread.close());
    const api = createClient(thread);
    await api.call('project.openSample');
    const q1 = (await api.call('questions.list')).find((q) => q.code === 'Q1')!;
    const { jobId } = await api.call('themes.discover', { questionId: q1.id, themes: 5, seed: 1 });
    expect(await jobEnd(api, jobId)).toMatchObject({ state: 'done' });
    const themes = await api.call('themes.list', { questionId: q1.id });
    expect(themes.themes.length).toBeGreaterThanOrEqual(5);
  }, 180_000);
});
