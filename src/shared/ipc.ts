/** The IPC channels between the preload and the Electron main process: one for calls, one for events. */
export const IPC_CALL = 'api:call';
export const IPC_EVENT = 'api:event';
