import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../server/csp';

const DEV_URL = process.env.ELECTRON_RENDERER_URL;

/** True for the app's own pages: the built files, or the dev server in development. */
export function isAppUrl(url: string, rendererDir: string): boolean {
  if (DEV_URL && url.startsWith(DEV_URL)) return true;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'file:' && decodeURIComponent(parsed.pathname).startsWith(rendererDir.replace(/\\/g, '/'))
    );
  } catch {
    return false;
  }
}

function openExternally(url: string): void {
  if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
}

export function createMainWindow(outDir: string): BrowserWindow {
  const rendererDir = join(outDir, 'renderer');
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Consultation Analyser',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());

  // No navigation away from the app and no new windows; links open in the system browser.
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererDir)) {
      event.preventDefault();
      openExternally(url);
    }
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());

  if (DEV_URL) void win.loadURL(DEV_URL);
  else void win.loadFile(join(rendererDir, 'index.html'));
  return win;
}

/** Applies the CSP to every response and refuses every permission request (camera, notifications...). */
export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}
