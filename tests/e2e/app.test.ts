import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/main/server/http';
import {
  browserSkipReason,
  expectAccessible,
  watchErrors,
  STATIC_DIR,
  SCREENSHOTS,
  useBrowser,
} from '../helpers/browser';
import { testBackend } from '../helpers/temp';

const skip = browserSkipReason();
const staticDir = STATIC_DIR;
const screenshots = SCREENSHOTS;

describe.skipIf(skip)(`the UI in Chromium over serve mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const browser = useBrowser();

  async function open(server: RunningServer) {
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(server.loginUrl);
    return { page, errors };
  }

  it('opens on a fresh project, says it is empty, and offers the way in', async () => {
    const { dir, backend, api } = testBackend();
    await api.call('project.create', { path: join(dir, 'fresh.consult'), title: 'Fresh consultation' });
    const server = await startServer({ backend, staticDir });
    try {
      const { page, errors } = await open(server);
      await expect.poll(() => page.locator('.project-name').textContent()).toContain('Fresh consultation');
      await expect.poll(() => page.getByText('No responses yet').count()).toBe(1);
      await expectAccessible(page, 'an empty project');
      await page.getByRole('link', { name: 'Import' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Import');
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('shows the sample consultation, navigates every area, searches and filters', async () => {
    const { backend, api } = testBackend();
    await api.call('project.openSample');
    const stats = await api.call('project.stats');
    const server = await startServer({ backend, staticDir });
    try {
      const { page, errors } = await open(server);
      // The Responses area lists the sample's responses, counted from the database.
      await expect
        .poll(() => page.locator('.count').textContent())
        .toBe(`${stats.responses.toLocaleString('en-GB')} responses`);
      const rows = page.locator('.tbody [role="row"]');
      await expect.poll(() => rows.first().textContent()).toMatch(/NF-\d+/);
      // Virtualised: only the rows on screen are in the page, not thousands.
      expect(await rows.count()).toBeLessThan(60);
      await page.screenshot({ path: join(screenshots, 'responses.png') });
      await expectAccessible(page, 'Responses');

      // Keyboard: focus the table, move down, and the reading pane shows the full answer.
      await page.getByRole('grid', { name: 'Responses' }).focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const selectedId = await page.locator('[role="row"][aria-current="true"] [role="gridcell"]').nth(1).textContent();
      await expect.poll(() => page.locator('.reading-pane h2').textContent()).toContain(selectedId!);

      // Search: the count matches the database's full-text search, terms are highlighted.
      const expected = (await api.call('responses.list', { search: 'graduates', offset: 0, limit: 1 })).total;
      expect(expected).toBeGreaterThan(0);
      await page.getByRole('searchbox', { name: 'Search' }).fill('graduates');
      await expect
        .poll(() => page.locator('.count').textContent())
        .toBe(`${expected.toLocaleString('en-GB')} responses match`);
      await page.locator('.tbody [role="row"]').first().click();
      await expect.poll(() => page.locator('.reading-pane mark').count()).toBeGreaterThan(0);

      // A malformed search gives a helpful message, not an error page.
      await page.getByRole('searchbox', { name: 'Search' }).fill('"unfinished phrase');
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/could not be understood/);

      // Filters combine; Clear filters restores everything.
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByLabel('Place').selectOption('city:Leeds');
      const leeds = (await api.call('responses.list', { cities: ['Leeds'], offset: 0, limit: 1 })).total;
      await expect
        .poll(() => page.locator('.count').textContent())
        .toBe(`${leeds.toLocaleString('en-GB')} responses match`);
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect
        .poll(() => page.locator('.count').textContent())
        .toBe(`${stats.responses.toLocaleString('en-GB')} responses`);

      for (const area of ['Import', 'Themes', 'Dashboard', 'Reports', 'Responses']) {
        await page.getByRole('link', { name: area }).click();
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(area);
        await expectAccessible(page, area);
      }
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('refuses a browser without the token', async () => {
    const { backend, api } = testBackend();
    await api.call('project.openSample');
    const server = await startServer({ backend, staticDir });
    try {
      const page = await browser().newPage();
      const response = await page.goto(server.url);
      expect(response?.status()).toBe(401);
    } finally {
      await server.close();
    }
  });
});
