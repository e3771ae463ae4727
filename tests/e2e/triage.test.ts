import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ApiClient, ResponseFilter } from '../../src/shared/api';
import { browserSkipReason, expectAccessible, SCREENSHOTS, useBrowser, servedPage } from '../helpers/browser';
import { testBackend } from '../helpers/temp';

const skip = browserSkipReason();
const screenshots = SCREENSHOTS;

const LEEDS_BUSINESS: ResponseFilter = { cities: ['Leeds'], respondentTypes: ['business'] };
const fmt = (n: number): string => n.toLocaleString('en-GB');

/** The sample consultation in serve mode, with the analyst's name set, and a page on it. */
async function triageSession(browser: Browser) {
  const { backend, api } = testBackend();
  await api.call('project.openSample');
  const { server, page, errors } = await servedPage(browser, backend, { viewport: { width: 1440, height: 1000 } });
  await expect.poll(() => page.locator('.tbody [role="row"]').count()).toBeGreaterThan(0);
  return { api, server, page, errors };
}

const count = (page: Page) => page.locator('.page-head .count').textContent();
const currentRow = (page: Page) => page.locator('.tbody [role="row"][aria-current="true"]');

/** Every decision the audit log holds for a response, oldest first, as "action: field changes". */
async function historyOf(api: ApiClient, responseId: number): Promise<string[]> {
  const entries = await api.call('triage.history', { responseId });
  return entries.reverse().map((h) => {
    const changed = Object.keys(h.after ?? {}).filter(
      (k) => JSON.stringify(h.before?.[k]) !== JSON.stringify(h.after?.[k]),
    );
    return `${h.actor} ${h.action}: ${changed.map((k) => `${k}=${JSON.stringify(h.after?.[k])}`).join(' ')}`;
  });
}

describe.skipIf(skip)(`triage in Chromium over serve mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const browser = useBrowser();

  it('with the mouse: searches, filters, reads, flags, excludes, bulk-sets and undoes, and every decision is in the history', async () => {
    const { api, server, page, errors } = await triageSession(browser());
    try {
      // Scrolling far down loads only the page of rows now on screen, not everything above it.
      const requested: { offset: number; limit: number }[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/api/responses.list'))
          requested.push((JSON.parse(r.postData() ?? '{}') as { input: { offset: number; limit: number } }).input);
      });
      await page.getByRole('grid', { name: 'Responses' }).evaluate((el) => el.scrollTo(0, 64 * 5000));
      // (Under load the grid can still show the rows from before the scroll: wait for the request first.)
      await expect.poll(() => requested.length).toBeGreaterThan(0);
      await expect.poll(() => page.locator('.tbody [role="row"]').first().textContent()).toMatch(/NF-\d+/);
      expect(requested.length).toBeLessThanOrEqual(2);
      for (const r of requested) {
        expect(r.limit).toBe(50);
        expect(r.offset).toBeGreaterThanOrEqual(4950);
      }
      expect(await page.locator('.tbody [role="row"]').count()).toBeLessThan(30);
      await page.getByRole('grid', { name: 'Responses' }).evaluate((el) => el.scrollTo(0, 0));

      // The analyst's name, set once in Settings, goes with every decision.
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Your name').fill('Priya Shah');
      await expectAccessible(page, 'the settings dialog');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.locator('.analyst').textContent()).toBe('Deciding as Priya Shah');

      // Search a phrase: the count comes at once, the matches are marked in the rows and the reading pane.
      const phrase = (await api.call('responses.count', { search: '"brain drain"' })).total;
      await page.getByRole('searchbox', { name: 'Search' }).fill('"brain drain"');
      await expect.poll(() => count(page)).toBe(`${fmt(phrase)} responses match`);
      await expect.poll(() => page.locator('.tbody [role="row"] mark').first().textContent()).toMatch(/brain drain/i);
      await page.locator('.tbody [role="row"]').first().click();
      await expect
        .poll(() => page.locator('.reading-pane .answer.current mark').first().textContent())
        .toMatch(/brain drain/i);

      // Malformed search syntax: a message that helps, the page stays.
      await page.getByRole('searchbox', { name: 'Search' }).fill('"brain drain');
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/no closing quote/);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Responses');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(0);

      // Filter by city and respondent type; the active filters are listed.
      const { total } = await api.call('responses.count', LEEDS_BUSINESS);
      await page.getByLabel('Place').selectOption('city:Leeds');
      await page.getByLabel('Respondent type').selectOption('business');
      await expect.poll(() => count(page)).toBe(`${fmt(total)} responses match`);
      await expect
        .poll(() => page.getByRole('list', { name: 'Active filters' }).textContent())
        .toContain('Place: Leeds');
      await expectAccessible(page, 'Responses, filtered');

      // Read: opening a response marks it read.
      const rows = page.locator('.tbody [role="row"]');
      await rows.nth(0).click();
      const first = (await api.call('responses.list', { ...LEEDS_BUSINESS, offset: 0, limit: 2 })).rows;
      await expect.poll(() => page.locator('.reading-pane h2').textContent()).toContain(first[0].respondentExternalId);
      await expect.poll(() => rows.nth(0).locator('.status').textContent()).toBe('Read');

      // Flag it.
      await page.getByRole('checkbox', { name: 'Needs follow-up' }).click();
      await expect.poll(() => rows.nth(0).locator('.flags-cell').textContent()).toContain('Follow-up');

      // Exclude the next one, with a reason.
      await rows.nth(1).click();
      await expect.poll(() => rows.nth(1).locator('.status').textContent()).toBe('Read');
      await page.getByRole('button', { name: 'Exclude…' }).click();
      await expectAccessible(page, 'the exclude dialog');
      await page.getByRole('radio', { name: 'Duplicate' }).click();
      await page.getByRole('button', { name: 'Exclude', exact: true }).click();
      await expect.poll(() => rows.nth(1).locator('.status').textContent()).toBe('Excluded');
      await expect.poll(() => page.getByRole('button', { name: 'Excluded: Duplicate' }).count()).toBe(1);

      // Bulk: set every filtered response to done, after a confirmation that shows the count.
      await page.getByLabel('Bulk action', { exact: true }).selectOption({ label: 'Set status: Done' });
      await page.getByRole('button', { name: 'Apply…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Confirm bulk action' });
      await expect.poll(() => dialog.textContent()).toContain(`on ${fmt(total)} responses`);
      await expectAccessible(page, 'the bulk confirmation');
      await dialog.getByRole('button', { name: `Apply to ${fmt(total)} responses` }).click();
      await expect
        .poll(async () => (await api.call('responses.count', { ...LEEDS_BUSINESS, statuses: ['done'] })).total)
        .toBe(total);
      await expect.poll(() => rows.nth(0).locator('.status').textContent()).toBe('Done');
      await page.screenshot({ path: join(screenshots, 'triage-bulk.png') });

      // Undo it: exactly the state before comes back.
      await page.getByRole('button', { name: /^Undo: Status: Done/ }).click();
      await expect.poll(async () => (await api.call('responses.count', { statuses: ['done'] })).total).toBe(0);
      await expect.poll(() => rows.nth(0).locator('.status').textContent()).toBe('Read');
      await expect.poll(() => rows.nth(1).locator('.status').textContent()).toBe('Excluded');

      // Every decision is in the history: in the reading pane, and in the audit log behind it.
      await expect.poll(() => page.locator('.history').textContent()).toMatch(/Reason: — → Duplicate/);
      const paneHistory = await page.locator('.history li').allTextContents();
      expect(paneHistory.join('\n')).toMatch(/Priya Shah · Bulk action/);
      expect(paneHistory.join('\n')).toMatch(/Priya Shah · Undone/);
      expect(await historyOf(api, first[0].id)).toEqual([
        'Priya Shah triage.read: status="read"',
        'Priya Shah triage.decide: flags=["follow_up"]',
        'Priya Shah triage.bulk: status="done"',
        'Priya Shah triage.undo: status="read"',
      ]);
      expect(await historyOf(api, first[1].id)).toEqual([
        'Priya Shah triage.read: status="read"',
        'Priya Shah triage.decide: status="excluded" exclusionReason="duplicate"',
        'Priya Shah triage.bulk: status="done" exclusionReason=null',
        'Priya Shah triage.undo: status="excluded" exclusionReason="duplicate"',
      ]);

      // The filtered set is saved as a named view and comes back in one step.
      await page.getByRole('button', { name: 'Save view…' }).click();
      await page.getByLabel('Name of the view').fill('Leeds businesses');
      await page.getByRole('button', { name: 'Save view', exact: true }).click();
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => count(page)).toMatch(/^[\d,]+ responses$/);
      await page.getByLabel('Saved views').selectOption({ label: 'Leeds businesses' });
      await expect.poll(() => count(page)).toBe(`${fmt(total)} responses match`);

      // Progress per question counts what was read.
      await page.locator('.progress summary').click();
      await expect.poll(() => page.locator('.progress summary').textContent()).toMatch(/^Progress: 2 of [\d,]+ read/);
      await expectAccessible(page, 'Responses with progress open');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('with the keyboard alone: the same work, and the shortcuts sheet', async () => {
    const { api, server, page, errors } = await triageSession(browser());
    const press = (key: string) => page.keyboard.press(key);
    const focused = () =>
      page.evaluate<string>(
        "document.activeElement.id || document.activeElement.getAttribute('aria-label') || (document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.trim()) || document.activeElement.tagName",
      );
    /** Tabs (forward, or back with shift) until the element with this id or label has focus. */
    const tabTo = async (target: string, back = false) => {
      for (let i = 0; i < 80 && (await focused()) !== target; i++) await press(back ? 'Shift+Tab' : 'Tab');
      expect(await focused()).toBe(target);
    };
    /** Moves a focused select with the arrow keys until it shows the wanted value. */
    const choose = async (value: string) => {
      for (let i = 0; i < 80; i++) {
        if ((await page.locator(':focus').inputValue()) === value) return;
        await press('ArrowDown');
      }
      throw new Error(`no option ${value}`);
    };
    try {
      await tabTo('Responses');
      // Search a phrase: / jumps to the search box, Escape comes back to the list.
      await press('/');
      expect(await focused()).toBe('search');
      await page.keyboard.type('"brain drain"');
      const phrase = (await api.call('responses.count', { search: '"brain drain"' })).total;
      await expect.poll(() => count(page)).toBe(`${fmt(phrase)} responses match`);
      await press('Escape');
      expect(await focused()).toBe('Responses');
      await press('j');
      await expect.poll(() => page.locator('.reading-pane .answer.current mark').count()).toBeGreaterThan(0);

      // A malformed search explains itself.
      await press('/');
      await press('Backspace');
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/no closing quote/);
      await press('Control+a');
      await press('Backspace');
      await expect.poll(() => page.getByRole('alert').count()).toBe(0);

      // Filter by city and type from the keyboard.
      const { total } = await api.call('responses.count', LEEDS_BUSINESS);
      await tabTo('type');
      await choose('business');
      await tabTo('place');
      await choose('city:Leeds');
      await expect.poll(() => count(page)).toBe(`${fmt(total)} responses match`);
      await tabTo('Responses');

      // Read, flag, exclude with a reason.
      await press('j');
      const rows = (await api.call('responses.list', { ...LEEDS_BUSINESS, offset: 0, limit: 2 })).rows;
      await expect.poll(() => currentRow(page).locator('.status').textContent()).toBe('Read');
      await press('f');
      await expect.poll(() => currentRow(page).locator('.flags-cell').textContent()).toContain('Follow-up');
      await press('j');
      await press('e');
      await expect.poll(() => page.getByRole('dialog', { name: 'Exclude this response' }).count()).toBe(1);
      await press('ArrowDown'); // Spam -> Duplicate
      await press('Enter');
      await expect.poll(() => currentRow(page).locator('.status').textContent()).toBe('Excluded');
      expect(await focused()).toBe('Responses');

      // Bulk-set a status on the filtered set, confirm, then undo.
      await tabTo('bulk-action', true);
      await choose('status:in_review');
      await press('Tab');
      await press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Confirm bulk action' });
      await expect.poll(() => dialog.textContent()).toContain(`on ${fmt(total)} responses`);
      await press('Enter');
      await expect
        .poll(async () => (await api.call('responses.count', { ...LEEDS_BUSINESS, statuses: ['in_review'] })).total)
        .toBe(total);
      await tabTo('Responses');
      await press('u');
      await expect.poll(async () => (await api.call('responses.count', { statuses: ['in_review'] })).total).toBe(0);
      await expect.poll(() => currentRow(page).locator('.status').textContent()).toBe('Excluded');

      // Every decision is in the history.
      expect(await historyOf(api, rows[0].id)).toEqual([
        expect.stringMatching(/triage\.read: status="read"$/),
        expect.stringMatching(/triage\.decide: flags=\["follow_up"\]$/),
        expect.stringMatching(/triage\.bulk: status="in_review"$/),
        expect.stringMatching(/triage\.undo: status="read"$/),
      ]);
      await expect.poll(() => page.locator('.history').textContent()).toMatch(/Undone.*Status: In review → Excluded/s);

      // A note, from the keyboard: N opens it, Ctrl+Enter saves, Escape goes back.
      await press('n');
      expect(await focused()).toBe('note');
      await page.keyboard.type('Same text as NF-000001.');
      await press('Control+Enter');
      await expect
        .poll(async () => (await api.call('responses.get', { id: rows[1].id })).triage.note)
        .toBe('Same text as NF-000001.');
      await press('Escape');
      expect(await focused()).toBe('Responses');

      // The shortcuts sheet: a modal dialog, Escape closes it and focus comes back.
      await press('?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect.poll(() => sheet.count()).toBe(1);
      await expectAccessible(page, 'the shortcuts sheet');
      await press('Escape');
      await expect.poll(() => sheet.count()).toBe(0);
      expect(await focused()).toBe('Responses');

      // Single-key shortcuts can be turned off (WCAG 2.1.4); the list still moves with the arrow keys.
      await tabTo('Settings', true);
      await press('Enter');
      await tabTo('character-shortcuts');
      await press('Space');
      await press('Enter');
      await expect.poll(() => page.getByRole('dialog', { name: 'Settings' }).count()).toBe(0);
      await tabTo('Responses');
      const before = await currentRow(page).getAttribute('id');
      await press('j');
      await press('d');
      expect(await currentRow(page).getAttribute('id')).toBe(before);
      await press('ArrowDown');
      await expect.poll(() => currentRow(page).getAttribute('id')).not.toBe(before);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });
});
