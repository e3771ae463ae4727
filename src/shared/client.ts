import type { ApiBridge, ApiClient, ApiErrorBody, ErrorCode } from './api';

/** A failed call, as the typed client throws it. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details;
  }
}

/** Wraps a transport's untyped pipe in the typed contract. */
export function createClient(bridge: ApiBridge): ApiClient {
  return {
    async call(method, ...input) {
      const result = await bridge.invoke(method, input[0]);
      if (!result.ok) throw new ApiError(result.error);
      // The backend validated the input and produced a value of the method's output type.
      return result.value as never;
    },
    subscribe: (listener) => bridge.subscribe(listener),
  };
}
