import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { IPC_CALL, IPC_EVENT } from '../../shared/ipc';
import type { ApiBridge } from '../../shared/api';
import { isAppUrl } from './window';

/** Wires the contract to IPC. Calls are accepted only from the app's own top frame. */
export function wireIpc(backend: ApiBridge, win: BrowserWindow, rendererDir: string): () => void {
  const trusted = (frame: WebFrameMain | null): boolean =>
    frame !== null && frame === win.webContents.mainFrame && isAppUrl(frame.url, rendererDir);

  ipcMain.handle(IPC_CALL, async (event, method: unknown, input: unknown) => {
    if (!trusted(event.senderFrame)) {
      return { ok: false, error: { code: 'UNSUPPORTED', message: 'Calls are accepted only from the app window.' } };
    }
    if (typeof method !== 'string')
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'A method name is required.' } };
    return backend.invoke(method, input);
  });
  const unsubscribe = backend.subscribe((event) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event);
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL);
    unsubscribe();
  };
}
