import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ServeOptions } from '../../src/main/server/http';
import type { DashboardFilter } from '../../src/shared/api';
import { readFilterFromHash, readResponsesFilter, responsesHash } from '../../src/shared/filter-link';
import { addAnalysis } from '../helpers/analysis-fixture';
import { browserSkipReason, expectAccessible, SCREENSHOTS, useBrowser, servedPage } from '../helpers/browser';
import { tempDir, testBackend } from '../helpers/temp';

const skip = browserSkipReason();
const screenshots = SCREENSHOTS;
type Backend = ServeOptions['backend'];
const CITIES = ['Manchester', 'Leeds', 'Sheffield', 'Liverpool', 'Newcastle'];

const num = (text: string | null): number => Number((text ?? '').replace(/\(.*\)/, '').replace(/[^\d]/g, ''));

/** The rows of a chart's data table: label -> the counts in its cells. */
async function tableOf(chart: Locator): Promise<Map<string, number[]>> {
  const toggle = chart.getByRole('button', { name: 'Show data table' });
  if (await toggle.count()) await toggle.click();
  const rows = chart.locator('table tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  const out = new Map<string, number[]>();
  for (const row of await rows.all()) {
    const label = (await row.locator('th').textContent()) ?? '';
    out.set(label, (await row.locator('td').allTextContents()).map(num));
  }
  return out;
}

const basedOn = async (chart: Locator): Promise<number> =>
  num(await chart.locator('.chart-based-on').textContent({ timeout: 2000 }));

/** The whole Dashboard (it scrolls inside the main pane, so the window is made tall enough for all of it). */
async function fullScreenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate<number>("document.querySelector('main').scrollHeight + 120");
  await page.setViewportSize({ width: 1400, height });
  await page.screenshot({ path: join(screenshots, name) });
  await page.setViewportSize({ width: 1400, height: 1000 });
}

/** The page's hash (the tests run in Node, so the page's code is given as text). */
const hashOf = (page: Page): Promise<string> => page.evaluate<string>('window.location.hash');

/** PNG: the 8-byte signature, then the IHDR chunk with width and height. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.skipIf(skip)(`the Dashboard in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const browser = useBrowser();

  /** The app at `hash`, once it shows the area `heading`. */
  async function openApp(backend: Backend, hash: string, heading: string) {
    const { server, page, errors } = await servedPage(browser(), backend, { acceptDownloads: true });
    await page.locator('.project-name').waitFor();
    await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
    return { server, page, errors };
  }

  async function openDashboard(backend: Backend) {
    const opened = await openApp(backend, '#/dashboard', 'Dashboard');
    await opened.page.locator('[data-chart="respondentsByType"] svg.recharts-surface').waitFor();
    return opened;
  }

  const chartOf = (page: Page, name: string): Locator => page.locator(`[data-chart="${name}"]`);

  it('shows the sample’s numbers as the database counts them, clicks through, exports a PNG and passes axe', async () => {
    const { backend, api } = testBackend();
    const project = await api.call('project.openSample');
    const db = new Database(project.path, { readonly: true });
    const one = (sql: string, ...params: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...params) as number;
    const { server, page, errors } = await openDashboard(backend);
    try {
      await expect
        .poll(() => page.locator('.page-head .count').textContent())
        .toBe(`${one('SELECT count(*) FROM respondent').toLocaleString('en-GB')} respondents`);
      // No themes yet: the themes chart says how to get them instead of drawing an empty axis.
      const themes = chartOf(page, 'themes');
      await expect.poll(() => themes.textContent()).toContain('No themes yet.');
      expect(await themes.locator('svg').count()).toBe(0);

      // Respondents by type and by place, against the database.
      const byType = chartOf(page, 'respondentsByType');
      expect(await basedOn(byType)).toBe(one('SELECT count(*) FROM respondent'));
      const types = await tableOf(byType);
      for (const row of db.prepare('SELECT type, count(*) AS n FROM respondent GROUP BY type').all() as {
        type: string;
        n: number;
      }[]) {
        expect(types.get(row.type.charAt(0).toUpperCase() + row.type.slice(1))?.[0]).toBe(row.n);
      }
      const byPlace = chartOf(page, 'respondentsByPlace');
      const places = await tableOf(byPlace);
      for (const city of CITIES)
        expect(places.get(city)?.[0]).toBe(one('SELECT count(*) FROM respondent WHERE city = ?', city));
      expect(places.get('Elsewhere')?.[0]).toBe(
        one(`SELECT count(*) FROM respondent WHERE city NOT IN (${CITIES.map(() => '?').join(',')})`, ...CITIES),
      );

      // The closed question (Q5 by default), overall and by type.
      const q5 = one("SELECT id FROM question WHERE code = 'Q5'");
      const closed = await tableOf(chartOf(page, 'closed'));
      for (const row of db
        .prepare('SELECT text, count(*) AS n FROM response WHERE question_id = ? GROUP BY text')
        .all(q5) as { text: string; n: number }[]) {
        expect(closed.get(row.text)?.[0]).toBe(row.n);
      }
      const closedByType = await tableOf(chartOf(page, 'closedByType'));
      const options = JSON.parse(
        db.prepare('SELECT options FROM question WHERE id = ?').pluck().get(q5) as string,
      ) as string[];
      const business = db
        .prepare(
          "SELECT r.text, count(*) AS n FROM response r JOIN respondent p ON p.id = r.respondent_id WHERE r.question_id = ? AND p.type = 'business' GROUP BY 1",
        )
        .all(q5) as { text: string; n: number }[];
      for (const row of business) expect(closedByType.get('Business')?.[options.indexOf(row.text)]).toBe(row.n);

      // Over time: weekly bars add up to every respondent; progress counts every open answer as not reviewed.
      const weeks = await tableOf(chartOf(page, 'overTime'));
      expect([...weeks.values()].reduce((s, v) => s + v[0], 0)).toBe(one('SELECT count(*) FROM respondent'));
      const progress = await tableOf(chartOf(page, 'progress'));
      const q1 = db
        .prepare(
          "SELECT q.code || ': ' || q.text AS label, count(*) AS n FROM response r JOIN question q ON q.id = r.question_id WHERE q.code = 'Q1'",
        )
        .get() as {
        label: string;
        n: number;
      };
      expect(progress.get(q1.label)).toEqual([0, 0, 0, q1.n]);

      await fullScreenshot(page, 'dashboard.png');
      await expectAccessible(page, 'the Dashboard with its data tables open');

      // Export a chart as PNG: a real PNG twice the size of the drawn chart and its header.
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        byPlace.getByRole('button', { name: 'Download Respondents by place as PNG' }).click(),
      ]);
      expect(png.suggestedFilename()).toBe('respondents-by-place.png');
      const pngPath = join(tempDir(), 'chart.png');
      await png.saveAs(pngPath);
      const size = pngSize(readFileSync(pngPath));
      const drawn = await byPlace.locator('svg.recharts-surface').boundingBox();
      expect(size.width).toBeGreaterThanOrEqual(2 * Math.floor(drawn!.width));
      expect(size.height).toBeGreaterThan(2 * Math.floor(drawn!.height));
      // And its numbers as CSV.
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        byPlace.getByRole('button', { name: /as CSV/ }).click(),
      ]);
      const csvPath = join(tempDir(), 'chart.csv');
      await csv.saveAs(csvPath);
      expect(readFileSync(csvPath, 'utf8')).toContain(
        `"Leeds","${one("SELECT count(*) FROM respondent WHERE city = 'Leeds'")}","17%"`,
      );

      // Click the Leeds bar: Responses opens filtered to exactly Leeds's respondents.
      const leeds = byPlace.getByRole('button', { name: /^Leeds: [\d,]+ respondents/ });
      const label = await leeds.getAttribute('aria-label');
      await leeds.click();
      await expect.poll(() => hashOf(page)).toMatch(/^#\/responses\?filter=/);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Responses');
      const filter = readResponsesFilter(await hashOf(page));
      expect(filter).toEqual({ cities: ['Leeds'] });
      expect((await api.call('dashboard.count', { filter: filter!, counting: 'responses' })).respondents).toBe(
        num(label!.split(':')[1]),
      );

      // Back returns to the same dashboard; a bar opens from the keyboard too.
      await page.goBack();
      await chartOf(page, 'respondentsByType').locator('svg.recharts-surface').waitFor();
      const first = chartOf(page, 'respondentsByType').locator('[data-bar][tabindex="0"]');
      await first.focus();
      await page.keyboard.press('ArrowDown');
      await expect
        .poll(() => page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label') ?? null"))
        .toMatch(/^Business:/);
      await page.keyboard.press('Enter');
      await expect.poll(() => hashOf(page)).toMatch(/^#\/responses\?filter=/);
      expect(readResponsesFilter(await hashOf(page))).toEqual({ respondentTypes: ['business'] });
      expect(errors).toEqual([]);
    } finally {
      db.close();
      await server.close();
    }
  });

  it('filters by question, switches campaign counting and sees the counts change as the database says', async () => {
    const { backend, api } = testBackend();
    const project = await api.call('project.openSample');
    await api.call('project.close');
    addAnalysis(project.path);
    await api.call('project.open', { path: project.path });
    const db = new Database(project.path, { readonly: true });
    const one = (sql: string, ...params: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...params) as number;
    const { server, page, errors } = await openDashboard(backend);
    try {
      const q2 = one("SELECT id FROM question WHERE code = 'Q2'");
      await page.getByLabel('Question', { exact: true }).selectOption(String(q2));
      const themes = chartOf(page, 'themes');
      const answered = one('SELECT count(*) FROM response WHERE question_id = ?', q2);
      await expect.poll(() => basedOn(themes)).toBe(answered);
      const table = await tableOf(themes);
      const expected = db
        .prepare(
          "SELECT t.name, count(a.response_id) AS n FROM theme t LEFT JOIN assignment a ON a.theme_id = t.id AND a.state <> 'rejected' WHERE t.question_id = ? GROUP BY t.id",
        )
        .all(q2) as { name: string; n: number }[];
      for (const t of expected) expect(table.get(t.name)?.[0], t.name).toBe(t.n);
      expect([...table.keys()].at(-1)).toBe('Other / unclear');
      await fullScreenshot(page, 'dashboard-themes.png');
      await expectAccessible(page, 'the Dashboard with themes');

      // Each campaign once: every chart's base drops to the responses that count.
      const byType = chartOf(page, 'respondentsByType');
      expect(await basedOn(byType)).toBe(answered);
      await page.getByLabel('Each campaign once').check();
      const once = one(
        `SELECT count(*) FROM response WHERE question_id = ? AND id NOT IN (
           SELECT m.response_id FROM campaign_member m JOIN campaign_group g ON g.id = m.group_id WHERE g.counting = 'one' AND m.response_id <> g.template_response_id)`,
        q2,
      );
      expect(once).toBeLessThan(answered);
      await expect.poll(() => basedOn(byType)).toBe(once);
      await expect.poll(() => basedOn(themes)).toBe(once);
      await expect
        .poll(async () => readFilterFromHash(await hashOf(page)))
        .toEqual({ questionId: q2, counting: 'campaigns-once' });
      await expect
        .poll(() => page.getByRole('list', { name: 'Active filters' }).textContent())
        .toContain('Each campaign counted once');

      // A theme's bar opens that theme's answers to Q2, counted the same way, and the count behind it is the bar's.
      const bar = themes.locator('[data-bar]').first();
      const label = (await bar.getAttribute('aria-label'))!;
      await bar.click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Responses');
      const filter = readResponsesFilter(await hashOf(page)) as DashboardFilter;
      expect(filter).toMatchObject({ questionId: q2, themes: { mode: 'any' }, counting: 'campaigns-once' });
      const counted = await api.call('dashboard.count', { filter, counting: 'campaigns-once' });
      expect(counted.respondents).toBe(num(label.split(':')[1]));
      // Responses lists exactly those responses, and says why there are fewer than every response.
      await expect
        .poll(() => page.locator('.page-head .count').textContent())
        .toBe(`${counted.responses.toLocaleString('en-GB')} responses match`);
      expect(await page.locator('.counted-once').textContent()).toContain('Campaign copies left out');
      await page.screenshot({ path: join(screenshots, 'responses-from-a-bar.png') });
      const { counting: _, ...everyCopy } = filter;
      expect((await api.call('responses.count', everyCopy)).total).toBeGreaterThanOrEqual(counted.responses);

      // Back to the dashboard: still counting each campaign once.
      await page.goBack();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
      expect(await page.getByLabel('Each campaign once').isChecked()).toBe(true);
      await expect.poll(() => basedOn(byType)).toBe(once);
      expect(errors).toEqual([]);
    } finally {
      db.close();
      await server.close();
    }
  });

  it('shares one filter between Responses and the Dashboard, both ways, with every filter as a removable chip', async () => {
    const { backend, api } = testBackend();
    await api.call('project.openSample');
    const { server, page, errors } = await openApp(backend, '#/responses', 'Responses');
    const heading = () => page.getByRole('heading', { level: 1 }).textContent();
    const chips = () => page.getByRole('list', { name: 'Active filters' }).locator('li').allTextContents();
    const count = () => page.locator('.page-head .count').textContent();
    const nav = (name: string) => page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name });
    try {
      // Set in Responses: business respondents' answers that mention rail.
      await page.getByLabel('Respondent type', { exact: true }).selectOption('business');
      await page.getByLabel('Search', { exact: true }).fill('rail');
      const business = { respondentTypes: ['business'], search: 'rail' };
      const responses = (await api.call('responses.count', business)).total;
      expect(responses).toBeGreaterThan(0);
      await expect.poll(count).toBe(`${responses.toLocaleString('en-GB')} responses match`);

      // The Dashboard from the nav shows the same filter, as chips, and counts by it.
      await nav('Dashboard').click();
      await expect.poll(heading).toBe('Dashboard');
      await expect.poll(chips).toEqual(['Search: rail×', 'Type: business×']);
      expect(await page.getByLabel('Respondent type', { exact: true }).inputValue()).toBe('business');
      expect(await page.getByLabel('Search', { exact: true }).inputValue()).toBe('rail');
      const respondents = (await api.call('dashboard.count', { filter: business, counting: 'responses' })).respondents;
      await expect.poll(count).toBe(`${respondents.toLocaleString('en-GB')} respondents match`);
      expect(readFilterFromHash(await hashOf(page))).toEqual(business);

      // Change it there (remove a chip, pick a place, count each campaign once) and Responses shows that.
      await page.getByRole('button', { name: 'Remove filter Search: rail' }).click();
      await page.getByLabel('Place', { exact: true }).selectOption('city:Leeds');
      await page.getByLabel('Each campaign once').check();
      const leeds = { respondentTypes: ['business'], cities: ['Leeds'], counting: 'campaigns-once' as const };
      await expect.poll(async () => readFilterFromHash(await hashOf(page))).toEqual(leeds);
      await expect.poll(chips).toEqual(['Type: business×', 'Place: Leeds×', 'Each campaign counted once×']);
      await expectAccessible(page, 'the Dashboard with filters from Responses');
      await nav('Responses').click();
      await expect.poll(heading).toBe('Responses');
      await expect.poll(chips).toEqual(['Type: business×', 'Place: Leeds×', 'Each campaign counted once×']);
      await expect
        .poll(count)
        .toBe(`${(await api.call('responses.count', leeds)).total.toLocaleString('en-GB')} responses match`);
      expect(await page.locator('.counted-once').isVisible()).toBe(true);

      // Removing the counting chip counts every copy again, and the note goes.
      await page.getByRole('button', { name: 'Remove filter Each campaign counted once' }).click();
      await expect.poll(() => page.locator('.counted-once').count()).toBe(0);
      const { counting: _, ...everyCopy } = leeds;
      await expect
        .poll(count)
        .toBe(`${(await api.call('responses.count', everyCopy)).total.toLocaleString('en-GB')} responses match`);

      // An address that carries a filter wins over the shared one.
      await page.evaluate(
        `window.location.hash = ${JSON.stringify(`#/dashboard?filter=${encodeURIComponent('{"cities":["Sheffield"]}')}`)}`,
      );
      await expect.poll(heading).toBe('Dashboard');
      await expect.poll(chips).toEqual(['Place: Sheffield×']);
      // Respondents who gave no place, chosen in the place menu like any place.
      await page.getByLabel('Place', { exact: true }).selectOption({ label: 'No place given' });
      await expect.poll(chips).toEqual(['No place given×']);
      const noPlace = await api.call('dashboard.count', { filter: { notGiven: ['place'] }, counting: 'responses' });
      expect(noPlace.respondents).toBeGreaterThan(0);
      await expect.poll(count).toBe(`${noPlace.respondents.toLocaleString('en-GB')} respondents match`);

      // What only a dashboard bar sets (no type given, how far coding has got) shows as chips in Responses too.
      const unfinished = { notGiven: ['type' as const], coding: ['none' as const] };
      await page.evaluate(`window.location.hash = ${JSON.stringify(responsesHash(unfinished))}`);
      await expect.poll(heading).toBe('Responses');
      await expect.poll(chips).toEqual(['No type given×', 'Not coded×']);
      await expect
        .poll(count)
        .toMatch(
          new RegExp(`^${(await api.call('responses.count', unfinished)).total.toLocaleString('en-GB')} respon`),
        );

      // Several values of a list filter, ticked in its drop-down; Escape closes it.
      const status = page.getByRole('group', { name: 'Status' });
      await status.getByText('Any status').click();
      await status.getByRole('checkbox', { name: 'New' }).check();
      await status.getByRole('checkbox', { name: 'Read' }).check();
      await expectAccessible(page, 'Responses with a list filter open');
      await page.keyboard.press('Escape');
      expect(await status.locator('details').getAttribute('open')).toBeNull();
      expect(await status.locator('summary').textContent()).toBe('New, Read');
      const newOrRead: DashboardFilter = { ...unfinished, statuses: ['new', 'read'] };
      await expect.poll(async () => readFilterFromHash(await hashOf(page))).toEqual(newOrRead);
      await expect
        .poll(count)
        .toMatch(new RegExp(`^${(await api.call('responses.count', newOrRead)).total.toLocaleString('en-GB')} respon`));
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
