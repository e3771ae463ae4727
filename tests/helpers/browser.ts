import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { packageRoot } from '../../src/main/util/paths';
import { startServer, type RunningServer, type ServeOptions } from '../../src/main/server/http';

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests need Debian's Chromium. Where it is missing they are skipped with this reason, except where
 * CONSULT_REQUIRE_BROWSER is set (CI), where a missing browser is a failure, not a skip.
 */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (process.env.CONSULT_REQUIRE_BROWSER) throw new Error(`Chromium is required but missing at ${CHROMIUM}`);
  return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Records console errors, page errors and failed requests: a clean page has none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Closing the event stream at the end of a test is not a failure.
    if (!r.url().endsWith('/api/events')) errors.push(`request: ${r.url()} ${r.failure()?.errorText}`);
  });
  return errors;
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe-core (WCAG 2.2 A and AA rules) in the page and fails on any violation, listing them. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // evaluate() is not subject to the page's CSP, so axe runs without weakening it.
  await page.evaluate(source);
  const rules = JSON.stringify({
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  const result = (await page.evaluate(`axe.run(document, ${rules})`)) as AxeResult;
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary, `accessibility violations on ${label}`).toEqual([]);
}

/** The built UI that serve mode serves, and where browser tests leave screenshots to look at. */
export const STATIC_DIR = join(packageRoot(), 'out', 'renderer');
export const SCREENSHOTS = join(packageRoot(), 'out', 'screenshots');

/** One Chromium for a describe block: launched before its tests, closed after. Call inside describe. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running yet');
    return browser;
  };
}

/**
 * Serve mode on `backend` and a page signed in to it (the token swapped for a cookie), at `hash` if given,
 * with its console errors collected. Close `server` when done.
 */
export async function servedPage(
  browser: Browser,
  backend: ServeOptions['backend'],
  options: { hash?: string; viewport?: { width: number; height: number }; acceptDownloads?: boolean } = {},
): Promise<{ server: RunningServer; page: Page; errors: string[] }> {
  const server = await startServer({ backend, staticDir: STATIC_DIR });
  try {
    const page = await browser.newPage({
      viewport: options.viewport ?? { width: 1400, height: 1000 },
      acceptDownloads: options.acceptDownloads,
    });
    // Playwright's 30 s for a click or a wait is short on a machine at load 10: a limit only catches a hang.
    page.setDefaultTimeout(120_000);
    const errors = watchErrors(page);
    await page.goto(`${server.loginUrl}${options.hash ?? ''}`);
    return { server, page, errors };
  } catch (error) {
    await server.close();
    throw error;
  }
}
