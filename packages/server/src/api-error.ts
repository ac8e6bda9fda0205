import { ERROR_CODES, type ErrorCode, type ErrorDetail } from '@onepin/core';

export interface ApiErrorOptions {
  details?: ErrorDetail[];
  /** Extra response headers, e.g. `Retry-After` or `WWW-Authenticate`. */
  headers?: Record<string, string>;
  cause?: unknown;
}

/** An error with a code from the shared table; the error handler renders its envelope. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, message?: string, options: ApiErrorOptions = {}) {
    super(message ?? ERROR_CODES[code].message, { cause: options.cause });
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = options.details;
    this.headers = options.headers;
  }
}

/** The one 401 for every bad credential: nothing tells a revoked key from an unknown one. */
export function invalidApiKey(): ApiError {
  return new ApiError('INVALID_API_KEY', 'Invalid API key.', {
    headers: { 'WWW-Authenticate': 'Bearer realm="onepin"' },
  });
}

/** A 404 that reads the same whether the object is missing or belongs to someone else. */
export function notFound(what: string): ApiError {
  return new ApiError('NOT_FOUND', `${what} not found.`);
}

/**
 * A one-time link (invitation, set-password link) or device code that is unknown, used or
 * expired. The routes count it as a failed authentication of the caller's address, like a
 * bad key.
 */
export class UnusableLinkError extends ApiError {
  constructor(code: 'FORBIDDEN' | 'NOT_FOUND' | 'GONE' | 'INVALID_GRANT', message: string) {
    super(code, message);
  }
}

/** The failed-authentication throttle's 429 (SPEC §5): the address may try again in `seconds`. */
export function tooManyFailedAuthentications(seconds: number): ApiError {
  return new ApiError('RATE_LIMITED', 'Too many failed authentication attempts.', {
    headers: { 'Retry-After': String(seconds) },
  });
}
