import { BrowserWindow, session } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PARTITION = 'report-print';

/**
 * Prints a report's self-contained HTML to PDF in a hidden, sandboxed window with JavaScript off, in its own
 * session that may load nothing but the local file.
 */
export async function printToPdf(html: string): Promise<Buffer> {
  const printSession = session.fromPartition(PARTITION);
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !details.url.startsWith('file:') }),
  );
  printSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const dir = mkdtempSync(join(tmpdir(), 'consult-print-'));
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      partition: PARTITION,
      spellcheck: false,
    },
  });
  try {
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    await win.loadFile(file);
    return await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true,
    });
  } finally {
    win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
