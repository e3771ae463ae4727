import { writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProjectDb } from '../../src/main/db/connection';
import { LATEST_VERSION } from '../../src/main/db/migrations';
import { packageRoot } from '../../src/main/util/paths';
import { browserSkipReason, expectAccessible, useBrowser, servedPage } from '../helpers/browser';
import { testBackend } from '../helpers/temp';

const skip = browserSkipReason();

describe.skipIf(skip)(`opening projects in the browser${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const browser = useBrowser();

  it('with no project open: the welcome page explains bad files, then opens a good one and the sample', async () => {
    const { dir, backend, api } = testBackend();
    const notProject = join(dir, 'minutes.consult');
    writeFileSync(notProject, 'Minutes of the steering group');
    const future = join(dir, 'future.consult');
    const db = createProjectDb(future, 'From the future');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const good = join(dir, 'good.consult');
    await api.call('project.create', { path: good, title: 'Skills consultation' });
    await api.call('project.close');

    const { server, page, errors } = await servedPage(browser(), backend, { viewport: { width: 1280, height: 800 } });
    try {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Consultation Analyser');
      await expect.poll(() => page.getByRole('button', { name: 'Skills consultation' }).count()).toBe(1);
      mkdirSync(join(packageRoot(), 'out', 'screenshots'), { recursive: true });
      await page.screenshot({ path: join(packageRoot(), 'out', 'screenshots', 'welcome.png') });
      await expectAccessible(page, 'the welcome page');

      const path = page.getByLabel('Open a project file by its path');
      await path.fill(notProject);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toContain('is not a Consultation Analyser project');

      await path.fill(future);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toContain('newer version of Consultation Analyser');
      expect(await api.call('project.current')).toBeNull();

      await page.getByRole('button', { name: 'Skills consultation' }).click();
      await expect.poll(() => page.locator('.project-name').textContent()).toBe('Skills consultation');
      await page.getByRole('button', { name: 'Switch project' }).click();

      // A new project from the browser, then back to the welcome page.
      const fresh = join(dir, 'fresh.consult');
      await page.getByLabel('Create a new project file at a path').fill(fresh);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await expect.poll(() => page.locator('.project-name').textContent()).toBe('fresh');
      expect((await api.call('project.current'))?.path).toBe(fresh);
      await page.getByRole('button', { name: 'Switch project' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Open the sample consultation' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Open the sample consultation' }).click();
      await expect
        .poll(() => page.locator('.project-name').textContent(), { timeout: 30_000 })
        .toContain('Northern Futures');
      // The console stays clean; the expected failures above reached the user as messages instead.
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
