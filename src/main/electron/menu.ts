import { Menu, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { ApiClient } from '../../shared/api';

/** Shows a failed action as a dialog: the user always learns why a file did not open. */
async function attempt(win: BrowserWindow, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    await dialog.showMessageBox(win, {
      type: 'error',
      title: 'Consultation Analyser',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

export async function buildMenu(win: BrowserWindow, api: ApiClient): Promise<void> {
  const recent = (await api.call('project.recent')).filter((r) => r.exists);
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      {
        label: 'New Project…',
        accelerator: 'CmdOrCtrl+N',
        click: () => void attempt(win, () => api.call('project.chooseAndCreate')),
      },
      {
        label: 'Open Project…',
        accelerator: 'CmdOrCtrl+O',
        click: () => void attempt(win, () => api.call('project.chooseAndOpen')),
      },
      {
        label: 'Open Recent',
        submenu: recent.length
          ? recent.map((r) => ({
              label: `${r.title} — ${r.path}`,
              click: () => void attempt(win, () => api.call('project.open', { path: r.path })),
            }))
          : [{ label: 'No recent projects', enabled: false }],
      },
      { label: 'Open Sample Consultation', click: () => void attempt(win, () => api.call('project.openSample')) },
      { type: 'separator' },
      {
        label: 'Close Project',
        accelerator: 'CmdOrCtrl+W',
        click: () => void attempt(win, () => api.call('project.close')),
      },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    file,
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(process.env.ELECTRON_RENDERER_URL ? [{ role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
