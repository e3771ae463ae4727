/**
 * The only bridge between the sandboxed renderer and the main process: window.api exposes three functions
 * (call a contract method, subscribe to events, and the path on disk of a file dropped on the window) and
 * nothing else of Node or Electron.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiBridge, ApiEvent, CallResult } from '../shared/api';
import { IPC_CALL, IPC_EVENT } from '../shared/ipc';

/** A File, as Electron's typings name it (the preload is compiled without the DOM's types). */
type Dropped = Parameters<typeof webUtils.getPathForFile>[0];

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
  /** A dropped file's path, which a sandboxed page cannot read itself ('' for a file not on disk). */
  pathForFile: (file: Dropped) => webUtils.getPathForFile(file),
} satisfies ApiBridge & { pathForFile: (file: Dropped) => string };

contextBridge.exposeInMainWorld('api', bridge);
