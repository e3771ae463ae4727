/**
 * PDF from the report's HTML with Chromium headless, where the host has no printer of its own (serve mode,
 * the CLI). The desktop app prints with Electron instead (Host.printToPdf). The HTML's own Content Security
 * Policy (default-src 'none') forbids every script and fetch; Chromium's switch to turn scripts off is not
 * used because headless printing stops working with it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../util/errors';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const TIMEOUT_MS = 120_000;

export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && existsSync(configured)) return configured;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

export async function chromiumPdf(html: string, signal?: AbortSignal): Promise<Buffer> {
  const chromium = findChromium();
  if (!chromium) {
    throw new AppError(
      'UNSUPPORTED',
      'PDF export needs Chromium (install the chromium package or set CHROMIUM_PATH), or use the desktop app. Word and HTML exports work without it.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'consult-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const out = join(dir, 'report.pdf');
    writeFileSync(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-2000);
      });
      const stop = (): void => {
        child.kill('SIGKILL');
      };
      const timer = setTimeout(stop, TIMEOUT_MS);
      signal?.addEventListener('abort', stop, { once: true });
      child.on('error', (error) => reject(new AppError('INTERNAL', `Chromium could not start: ${error.message}`)));
      child.on('exit', (code) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', stop);
        if (signal?.aborted) reject(new AppError('CANCELLED', 'The PDF export was cancelled.'));
        else if (code === 0 && existsSync(out)) resolve();
        else
          reject(
            new AppError(
              'INTERNAL',
              `Chromium could not print the PDF (exit ${code}): ${stderr.trim().split('\n').pop() ?? ''}`,
            ),
          );
      });
    });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
