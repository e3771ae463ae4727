import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, expectAccessible, SCREENSHOTS, useBrowser, servedPage } from '../helpers/browser';
import { testBackend } from '../helpers/temp';

const skip = browserSkipReason();
const screenshots = SCREENSHOTS;
const fixtures = join(import.meta.dirname, '../fixtures/import');

describe.skipIf(skip)(`importing through the UI in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const browser = useBrowser();

  it('adds a file by path, changes the proposed mapping from the keyboard, imports it and shows the rows in Responses', async () => {
    const { dir, backend, api } = testBackend();
    await api.call('project.create', { path: join(dir, 'ui.consult'), title: 'UI import' });
    const { server, page, errors } = await servedPage(browser(), backend, { hash: '#/import' });
    try {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Import');

      await page.getByLabel('Full path of a file or folder to import').fill(join(fixtures, 'survey-utf8-bom.csv'));
      await page.keyboard.press('Enter');
      const card = page.getByRole('region', { name: 'survey-utf8-bom.csv' });
      await expect.poll(() => card.getByRole('table').count(), { timeout: 30_000 }).toBe(1);
      // The proposal: the id, the three questions and the respondent details.
      await expect.poll(() => page.getByLabel('Response ID: becomes').inputValue()).toBe('id');
      expect(await page.getByLabel('Q1. What should TechNorth do first?: becomes').inputValue()).toBe('open');
      expect(await page.getByLabel('Do you support the hub?: becomes').inputValue()).toBe('closed');
      expect(await page.getByLabel('City: detail').inputValue()).toBe('city');
      expect(await card.textContent()).toContain('utf-8');
      await expectAccessible(page, 'Import preview');
      await page.screenshot({ path: join(screenshots, 'import-preview.png'), fullPage: true });

      // Keyboard only: leave out the closed question.
      await page.getByLabel('Do you support the hub?: becomes').focus();
      await page.keyboard.press('End'); // the last option: Do not import
      await expect.poll(() => page.getByLabel('Do you support the hub?: becomes').inputValue()).toBe('ignore');

      await page.getByRole('button', { name: 'Import 1 file' }).click();
      await expect
        .poll(() => page.getByRole('heading', { name: 'Import finished' }).count(), { timeout: 30_000 })
        .toBe(1);
      expect(await page.locator('.import-result .lead').textContent()).toContain(
        '5 respondents and 8 answers imported',
      );
      await expect
        .poll(() => page.getByRole('table').filter({ hasText: 'survey-utf8-bom.csv' }).count(), { timeout: 10_000 })
        .toBe(1);
      await expectAccessible(page, 'Import finished');
      await page.screenshot({ path: join(screenshots, 'import-done.png'), fullPage: true });

      await page.getByRole('button', { name: 'Read the responses' }).click();
      await expect.poll(() => page.locator('.count').textContent(), { timeout: 10_000 }).toBe('8 responses');
      await expect.poll(() => page.locator('.tbody [role="row"]').first().textContent()).toMatch(/R00\d/);
      expect((await api.call('questions.list')).map((q) => q.code)).toEqual(['Q1', 'Q2']);
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('shows a clear message for a file it cannot read, and the quarantine of a ragged file', async () => {
    const { dir, backend, api } = testBackend();
    await api.call('project.create', { path: join(dir, 'bad.consult'), title: 'Bad files' });
    const { server, page, errors } = await servedPage(browser(), backend, { hash: '#/import' });
    try {
      const field = page.getByLabel('Full path of a file or folder to import');
      await field.fill(join(fixtures, 'binary.csv'));
      await page.getByRole('button', { name: 'Add' }).click();
      await expect
        .poll(() => page.getByRole('region', { name: 'binary.csv' }).textContent(), { timeout: 30_000 })
        .toMatch(/cannot be imported: it is binary data/);
      await field.fill(join(fixtures, 'ragged.csv'));
      await page.getByRole('button', { name: 'Add' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Import 1 file' }).count(), { timeout: 30_000 }).toBe(1);
      await page.getByRole('button', { name: 'Import 1 file' }).click();
      await expect
        .poll(() => page.getByRole('heading', { name: 'Import finished' }).count(), { timeout: 30_000 })
        .toBe(1);
      await page.getByRole('button', { name: 'Show rows kept out of ragged.csv (3)' }).click();
      const quarantine = page.getByRole('region', { name: /Quarantined rows/ });
      await expect
        .poll(() => quarantine.textContent(), { timeout: 10_000 })
        .toContain('row 3 has 4 fields but the heading row has 3');
      await expectAccessible(page, 'Quarantine');
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('serve mode: a cancelled import of an uploaded file removes the upload and asks for it again', async () => {
    const { dir, backend, api } = testBackend();
    await api.call('project.create', { path: join(dir, 'upload.consult'), title: 'Uploads' });
    // Large enough that the import is still running when Cancel is pressed.
    const rows = ['id,Q1. What should TechNorth do first?'];
    for (let i = 1; i <= 300_000; i++) rows.push(`r${i},"Fund more bus routes to the hub, answer ${i}"`);
    const local = join(dir, 'big.csv');
    writeFileSync(local, rows.join('\n'));
    const uploads = join(dir, 'data', 'uploads');
    const { server, page, errors } = await servedPage(browser(), backend, { hash: '#/import' });
    try {
      await page.getByLabel('Or drop files here, or choose them to upload').setInputFiles(local);
      await expect.poll(() => page.getByRole('button', { name: 'Import 1 file' }).count(), { timeout: 60_000 }).toBe(1);
      const [stored] = readdirSync(uploads);
      expect(existsSync(join(uploads, stored, 'big.csv'))).toBe(true);
      await page.getByRole('button', { name: 'Import 1 file' }).click();
      await page.getByRole('button', { name: 'Cancel import' }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent(), { timeout: 60_000 })
        .toBe(
          'The import was cancelled; nothing was changed. The uploaded files were removed from the server: upload them again to retry.',
        );
      expect(readdirSync(uploads)).toEqual([]);
      expect(await page.getByRole('heading', { name: 'Files to import' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
      expect((await api.call('project.stats')).respondents).toBe(0);
      await expectAccessible(page, 'Import cancelled after upload');
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
