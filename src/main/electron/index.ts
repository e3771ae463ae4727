/** The Electron front door: the window, menus, dialogs and IPC. The only code that imports electron. */
import { app, dialog, BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_EXTENSION } from '../../shared/constants';
import { BackendThreadClient } from '../service/backend-thread-client';
import { setBuiltThreadDir } from '../threads/script';
import { createClient } from '../../shared/client';
import { buildMenu } from './menu';
import { printToPdf } from './print';
import { wireIpc } from './ipc';
import { createMainWindow, hardenSession } from './window';

const outMain = dirname(fileURLToPath(import.meta.url));
const outDir = dirname(outMain);
const appRoot = app.getAppPath();

// better-sqlite3 built for Electron's ABI lives apart from the Node build that tests and the CLI use.
const electronBinding = join(appRoot, 'build', 'electron-native', 'better_sqlite3.node');
// The backend and job threads read it from the environment (src/main/db/native.ts).
if (existsSync(electronBinding)) process.env.CONSULT_SQLITE_BINDING = electronBinding;
setBuiltThreadDir(outMain);

// Tests (and careful users) can keep settings and the sample somewhere else.
if (process.env.CONSULT_DATA_DIR) app.setPath('userData', process.env.CONSULT_DATA_DIR);
app.enableSandbox();

const filters = [{ name: 'Consultation projects', extensions: [PROJECT_EXTENSION.slice(1)] }];

async function start(): Promise<void> {
  hardenSession();
  let win: BrowserWindow | null = null;
  // The backend runs in its own thread: no query or job ever blocks this process (window, menus, dialogs).
  const backend = new BackendThreadClient(
    {
      dataDir: app.getPath('userData'),
      resourcesDir: join(appRoot, 'resources'),
    },
    {
      chooseProjectToOpen: async () => {
        const result = await dialog.showOpenDialog(win!, { title: 'Open project', filters, properties: ['openFile'] });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      chooseProjectToCreate: async () => {
        const result = await dialog.showSaveDialog(win!, {
          title: 'New project',
          filters,
          defaultPath: `New consultation${PROJECT_EXTENSION}`,
        });
        if (result.canceled || !result.filePath) return null;
        return result.filePath.endsWith(PROJECT_EXTENSION) ? result.filePath : `${result.filePath}${PROJECT_EXTENSION}`;
      },
      chooseImportFiles: async () => {
        const result = await dialog.showOpenDialog(win!, {
          title: 'Choose files to import',
          properties: ['openFile', 'multiSelections'],
          filters: [
            {
              name: 'Responses',
              extensions: ['csv', 'tsv', 'txt', 'xlsx', 'json', 'jsonl', 'ndjson', 'eml', 'docx', 'pdf'],
            },
            { name: 'All files', extensions: ['*'] },
          ],
        });
        return result.canceled ? null : result.filePaths;
      },
      chooseExportPath: async (defaultName, exportFilters) => {
        const result = await dialog.showSaveDialog(win!, {
          title: 'Export',
          defaultPath: defaultName,
          filters: exportFilters,
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      printToPdf,
    },
  );
  const api = createClient(backend);
  win = createMainWindow(outDir);
  wireIpc(backend, win, join(outDir, 'renderer'));
  backend.subscribe((event) => {
    if (event.type !== 'project' || !win) return;
    win.setTitle(event.project ? `${event.project.title} — Consultation Analyser` : 'Consultation Analyser');
    void buildMenu(win, api);
  });
  await buildMenu(win, api);

  // Reopen the last project; with none (or if it has gone), open the sample so there is something to see.
  const last = (await api.call('project.recent')).find((r) => r.exists);
  try {
    if (last) await api.call('project.open', { path: last.path });
    else await api.call('project.openSample');
  } catch (error) {
    dialog.showErrorBox('Consultation Analyser', error instanceof Error ? error.message : String(error));
    if (last) await api.call('project.openSample').catch(() => undefined);
  }
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Let running jobs roll back and the project close cleanly before the process ends.
    event.preventDefault();
    quitting = true;
    void backend.close().finally(() => app.quit());
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
app.on('window-all-closed', () => app.quit());

// One instance: a second launch focuses the open window instead of opening the same files twice.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  void app.whenReady().then(start);
} else {
  app.quit();
}
