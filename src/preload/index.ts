/**
 * The only bridge between the sandboxed renderer and the main process: window.api exposes two functions
 * (call a contract method, subscribe to events) and nothing of Node or Electron.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiBridge, ApiEvent, CallResult } from '../shared/api';
import { IPC_CALL, IPC_EVENT } from '../shared/ipc';

const bridge = {
  invoke: (method: string, input: unknown) =>
    ipcRenderer.invoke(IPC_CALL, method, input) as Promise<CallResult<unknown>>,
  subscribe: (listener: (event: ApiEvent) => void) => {
    const handler = (_event: IpcRendererEvent, payload: ApiEvent): void => listener(payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
} satisfies ApiBridge;

contextBridge.exposeInMainWorld('api', bridge);
