import type { ApiBridge, ApiClient } from '../../shared/api';
import { createClient } from '../../shared/client';
import type { Backend } from './backend';

/** The fourth front door: the contract called directly, for tests. Input still goes through validation. */
export function inProcessBridge(backend: Backend): ApiBridge {
  return {
    // A JSON round trip, as on every real transport: nothing passes by reference.
    invoke: async (method, input) =>
      JSON.parse(
        JSON.stringify(await backend.call(method, input === undefined ? undefined : JSON.parse(JSON.stringify(input)))),
      ),
    subscribe: (listener) => backend.subscribe(listener),
  };
}

export function inProcessClient(backend: Backend): ApiClient {
  return createClient(inProcessBridge(backend));
}
