import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, expectAccessible, SCREENSHOTS, useBrowser, servedPage } from '../helpers/browser';
import { buildAnalysedSample, HOSTILE_THEME } from '../helpers/report-fixtures';
import { testBackend } from '../helpers/temp';

const skip = browserSkipReason();
const screenshots = SCREENSHOTS;

describe.skipIf(skip)(`the Reports area in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const browser = useBrowser();

  it('previews the summary in a sandboxed frame, follows the options, and exports a download', async () => {
    const { dir, backend, api } = testBackend();
    const { path } = buildAnalysedSample(join(dir, 'analysed.consult'));
    await api.call('project.open', { path });
    const { server, page, errors } = await servedPage(browser(), backend, {
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    try {
      await page.getByRole('link', { name: 'Reports' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reports');

      // The preview is the exported HTML in a frame that may run nothing.
      const frameElement = page.locator('iframe[title="Preview of the summary of responses"]');
      await expect.poll(() => frameElement.count(), { timeout: 30_000 }).toBe(1);
      expect(await frameElement.getAttribute('sandbox')).toBe('');
      const frame = page.frameLocator('iframe[title="Preview of the summary of responses"]');
      await expect
        .poll(() => frame.locator('h1.title').textContent(), { timeout: 30_000 })
        .toContain('Northern Futures');
      const summary = (
        await api.call('reports.preview', {
          redact: true,
          includeExcluded: false,
          campaigns: 'once',
          anonymise: true,
          nameOrganisations: false,
        })
      ).summary;
      const q1 = summary.questions[0];
      await expect
        .poll(() => frame.locator('body').innerText())
        .toContain(`${q1.respondents.toLocaleString('en-GB')} respondents answered this question.`);
      expect(await frame.locator('script').count()).toBe(0);
      await expect.poll(() => frame.locator('body').innerText()).toContain('<script>alert(1)</script>');
      expect(await frame.locator('body').innerText()).not.toContain('jane.doe@example.com');
      await page.screenshot({ path: join(screenshots, 'reports.png') });
      await expectAccessible(page, 'Reports');

      // Leaving out a question takes it out of the preview.
      await page.getByLabel(/^Q2:/).uncheck();
      await expect
        .poll(() => frame.locator('h2').allTextContents(), { timeout: 30_000 })
        .not.toContain(expect.stringMatching(/^Question 2:/));
      expect(await frame.locator('h2').allTextContents()).toContainEqual(expect.stringMatching(/^Question 1:/));

      // Turning redaction off shows the e-mail address (an internal copy), and back on hides it.
      await page.getByLabel('Remove personal data from quotes and data').uncheck();
      await expect.poll(() => frame.locator('body').innerText(), { timeout: 30_000 }).toContain('jane.doe@example.com');
      await page.getByLabel('Remove personal data from quotes and data').check();
      await expect
        .poll(() => frame.locator('body').innerText(), { timeout: 30_000 })
        .not.toContain('jane.doe@example.com');

      // Export Markdown: serve mode offers it as a download once the job is done.
      await page.getByLabel('Format').selectOption('md');
      await page.getByRole('button', { name: 'Export' }).click();
      const link = page.getByRole('link', { name: /^Download / });
      await expect.poll(() => link.count(), { timeout: 60_000 }).toBe(1);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const md = readFileSync((await download.path())!, 'utf8');
      expect(md).toContain('### Question 1:');
      expect(md).not.toContain('### Question 2:');
      expect(md).toContain(HOSTILE_THEME);
      expect(md).not.toContain('jane.doe');
      await expectAccessible(page, 'Reports after an export');
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
