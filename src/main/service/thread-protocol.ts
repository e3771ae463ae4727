import type { ApiErrorBody, ApiEvent, CallResult } from '../../shared/api';
import type { Host } from './types';

/** The host functions a backend thread can ask its parent (the Electron main process) to run. */
export type HostCapability = keyof Host;

export interface BackendThreadOptions {
  dataDir: string;
  resourcesDir?: string;
  /** Which Host functions the parent offers (file dialogs...). */
  host: HostCapability[];
}

export type ToBackend =
  | { type: 'init'; options: BackendThreadOptions }
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'hostReply'; id: number; ok: true; value: unknown }
  | { type: 'hostReply'; id: number; ok: false; error: ApiErrorBody }
  | { type: 'close' };

export type FromBackend =
  | { type: 'result'; id: number; result: CallResult<unknown> }
  | { type: 'event'; event: ApiEvent }
  | { type: 'hostRequest'; id: number; name: HostCapability; args: unknown[] }
  | { type: 'closed' };
