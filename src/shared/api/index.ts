/**
 * The one contract: every call the UI can make, with its input and output types.
 * Each area declares its calls in its own file; Api joins them. Every transport (IPC, HTTP, in-process)
 * carries exactly these calls and the ApiEvent stream.
 */
import type { CallResult, ApiEvent } from './common';
import type { ProjectApi } from './project';
import type { ResponsesApi } from './responses';
import type { ImportApi } from './import';
import type { TriageApi } from './triage';
import type { SignalsApi } from './signals';
import type { ThemesApi } from './themes';
import type { ReportsApi } from './reports';
import type { DashboardApi } from './dashboard';

export type * from './common';
export type * from './project';
export type * from './responses';
export type * from './import';
export type * from './signals';
export type * from './triage';

export type * from './themes';
export type * from './reports';
export type * from './dashboard';

export interface Api
  extends ProjectApi, ResponsesApi, ImportApi, TriageApi, ThemesApi, SignalsApi, ReportsApi, DashboardApi {}

export type Method = keyof Api;
export type Input<M extends Method> = Api[M]['input'];
export type Output<M extends Method> = Api[M]['output'];

/** The untyped pipe each transport provides (preload's window.api, the HTTP client). */
export interface ApiBridge {
  invoke(method: string, input: unknown): Promise<CallResult<unknown>>;
  /** Returns a function that unsubscribes. */
  subscribe(listener: (event: ApiEvent) => void): () => void;
}

/** The typed client the renderer and tests use. */
export interface ApiClient {
  call<M extends Method>(method: M, ...input: Input<M> extends void ? [] : [Input<M>]): Promise<Output<M>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
}
