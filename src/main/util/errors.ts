import type { ApiErrorBody, ErrorCode } from '../../shared/api';

/** An expected failure with a message for the user; the service turns it into a typed error. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export function errorBody(error: unknown): ApiErrorBody {
  if (error instanceof AppError) return error.toBody();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
