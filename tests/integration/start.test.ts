import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/main/util/paths';
import { onCleanup, tempDir } from '../helpers/temp';

/**
 * `npm start` where Electron cannot be had (no display, or its download fails): one plain line saying so,
 * then the same app served to the browser on the sample consultation.
 */
describe('npm start without Electron', () => {
  it('says why in one line and serves the app on the sample instead of failing', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CONSULT_DATA_DIR: tempDir(),
      CONSULT_NO_OPEN: '1',
      // The suite's own build is what it serves; rebuilding here would race the browser tests reading it.
      CONSULT_START_SKIP_BUILD: '1',
    };
    // No display is one of the reasons Electron cannot open; so is a failed download (not tried here).
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    if (process.platform !== 'linux') env.CONSULT_START = 'browser';
    const child = spawn(process.execPath, [join(packageRoot(), 'scripts', 'start.mjs')], { env });
    onCleanup(async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        const match = /Open: (\S+)/.exec(stdout);
        if (match) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`start exited (${code}) before serving:\n${stdout}`)));
    });

    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Electron is not available here \(.+\): opening Consultation Analyser in your browser/);
    expect(lines[1]).toMatch(/serving .*Northern Futures \(sample\)\.consult on 127\.0\.0\.1 only/);
    expect(new URL(url).hostname).toBe('127.0.0.1');

    // The URL signs the browser in (its token swapped for a cookie) and the app's page comes back.
    const login = await fetch(url, { redirect: 'manual' });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const page = await fetch(new URL('/', url), { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });
});
