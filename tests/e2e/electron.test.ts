import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/main/util/paths';
import { tempDir } from '../helpers/temp';

const root = packageRoot();
const electronDir = join(root, 'node_modules', 'electron');

/** Electron downloads its binary on first use (`npm start`) where there is internet; requiring electron here would try. */
function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const nativeReady = existsSync(join(root, 'build', 'electron-native', 'better_sqlite3.node'));
const skip = !binary
  ? 'no Electron binary in node_modules/electron (`npm start` downloads it where the internet is reachable)'
  : !nativeReady
    ? 'better-sqlite3 is not built for Electron yet (run `npm start` once)'
    : null;

describe.skipIf(skip)(`the Electron app${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('starts on the sample consultation with a sandboxed, isolated renderer', async () => {
    const app = await _electron.launch({
      executablePath: binary!,
      args: [join(root, 'out', 'main', 'index.js')],
      env: { ...process.env, CONSULT_DATA_DIR: tempDir() },
    });
    try {
      const page = await app.firstWindow();
      await expect
        .poll(() => page.locator('.project-name').textContent(), { timeout: 30_000 })
        .toContain('Northern Futures');
      expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe(
        'undefined',
      );
      expect(
        await page.evaluate(() => typeof (globalThis as unknown as { api?: { invoke?: unknown } }).api?.invoke),
      ).toBe('function');
      expect(await page.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe(
        'undefined',
      );
      // Dropped files' paths come through the bridge; a file made in the page has none.
      expect(
        await page.evaluate(() =>
          (globalThis as unknown as { api: { pathForFile: (f: File) => string } }).api.pathForFile(
            new File(['a,b'], 'made-here.csv'),
          ),
        ),
      ).toBe('');
      await page.locator('nav a', { hasText: 'Import' }).click();
      await expect.poll(() => page.getByText('Drop files or folders here').count()).toBe(1);
    } finally {
      await app.close();
    }
  });
});
