import type { ApiBridge, ApiEvent, CallResult } from '../shared/api';
import { createClient } from '../shared/client';

declare global {
  interface Window {
    /**
     * Set by the Electron preload; absent in a normal browser (serve mode). `pathForFile` gives a dropped
     * file's path on disk ('' for a file that has none).
     */
    api?: ApiBridge & { pathForFile?: (file: File) => string };
  }
}

/** Serve mode: the contract over HTTP, with the token in an HttpOnly cookie the server set. */
function httpBridge(): ApiBridge {
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | null = null;
  return {
    async invoke(method, input) {
      const response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ input }),
      });
      if (response.status === 401) {
        return {
          ok: false,
          error: { code: 'UNSUPPORTED', message: 'Not signed in: open the address that `consult serve` printed.' },
        };
      }
      return (await response.json()) as CallResult<unknown>;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource('/api/events', { withCredentials: true });
        source.onmessage = (message: MessageEvent<string>) => {
          const event = JSON.parse(message.data) as ApiEvent;
          for (const l of listeners) l(event);
        };
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export const api = createClient(window.api ?? httpBridge());
export const isDesktop = window.api !== undefined;

/** The desktop app's paths for dropped files; those without one (not on disk) are left out. */
export const droppedPaths = (files: File[]): string[] =>
  files.map((f) => window.api?.pathForFile?.(f) ?? '').filter((p) => p !== '');
