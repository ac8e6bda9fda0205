import { type ErrorCode, type ErrorDetail, errorCodeForStatus } from '@onepin/core';
import { retryAfterMs } from './internal/retry.js';

export type { ErrorDetail };

/**
 * A code from the server's error vocabulary (`INVALID_API_KEY`, `INSUFFICIENT_SCOPE`, …), or a
 * newer one this SDK does not know yet.
 */
export type APIErrorCode = ErrorCode | (string & {});

/** The base of every error this SDK throws, so one `instanceof OnePinError` catches them all. */
export class OnePinError extends Error {
  override name = 'OnePinError';
}

/**
 * The client was configured wrongly (a missing or malformed token, a base URL that is not
 * http(s)) or an argument could not be sent. Thrown before any request; retrying cannot help.
 */
export class OnePinConfigurationError extends OnePinError {
  override name = 'OnePinConfigurationError';
}

/** Why the credentials file could not be used (SPEC §6). */
export type CredentialsErrorCode =
  /** No file, or no table for the profile, or a table without `api_key`. */
  | 'CREDENTIALS_NOT_FOUND'
  /** A symlink, another owner, or group/other permission bits on the file or its directory. */
  | 'INSECURE_CREDENTIALS_FILE'
  /** Not TOML this SDK reads, or a value of the wrong type. */
  | 'MALFORMED_CREDENTIALS'
  /** A profile name or a value that cannot be saved. */
  | 'INVALID_CREDENTIALS';

/** The credentials file (`~/.onepin/credentials`) is missing, unsafe, or unreadable. */
export class CredentialsError extends OnePinConfigurationError {
  override name = 'CredentialsError';
  readonly code: CredentialsErrorCode;
  /** The file (or directory) concerned. */
  readonly path: string;

  constructor(code: CredentialsErrorCode, path: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.path = path;
  }
}

/** The request never got an HTTP answer: DNS, refused or reset connection, TLS, … */
export class APIConnectionError extends OnePinError {
  override name = 'APIConnectionError';

  constructor(message = 'Could not reach the OnePin API.', options?: ErrorOptions) {
    super(message, options);
  }
}

/** No answer within `timeoutMs` (each attempt has its own timeout). */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';

  constructor(message = 'The request timed out.', options?: ErrorOptions) {
    super(message, options);
  }
}

/** The caller's `AbortSignal` fired. Never retried. */
export class APIUserAbortError extends OnePinError {
  override name = 'APIUserAbortError';

  constructor(message = 'The request was aborted.', options?: ErrorOptions) {
    super(message, options);
  }
}

/** The server's error envelope: `{ error: { code, message, details }, meta: { request_id } }`. */
interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown; details?: unknown };
  meta?: { request_id?: unknown };
}

/**
 * The server answered with a non-2xx status. Subclasses name the common statuses, so
 * `catch (e) { if (e instanceof NotFoundError) … }` reads as what happened; `code` keeps the
 * server's precise reason (`INSUFFICIENT_SCOPE` vs `WORKSPACE_MISMATCH`, both 403).
 */
export class APIError extends OnePinError {
  override name = 'APIError';
  /** The HTTP status. */
  readonly status: number;
  /** The server's error code, e.g. `INSUFFICIENT_SCOPE`. */
  readonly code: APIErrorCode;
  /** Per-field problems of a validation error; empty otherwise. */
  readonly details: readonly ErrorDetail[];
  /** The request id (`meta.request_id` or `X-Request-Id`) to quote when asking for help. */
  readonly requestId: string | null;
  /** The response headers (never the request's). */
  readonly headers: Headers;

  constructor(
    status: number,
    code: APIErrorCode,
    message: string,
    init: { details?: readonly ErrorDetail[]; requestId?: string | null; headers?: Headers } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = init.details ?? [];
    this.requestId = init.requestId ?? null;
    this.headers = init.headers ?? new Headers();
  }

  /**
   * Builds the error for a response: the class from the status, the code, message, details
   * and request id from the envelope, with fallbacks when the body is not one.
   */
  static from(status: number, body: unknown, headers: Headers = new Headers()): APIError {
    const envelope = (isObject(body) ? body : {}) as ErrorEnvelope;
    const error = isObject(envelope.error) ? envelope.error : {};
    const code =
      typeof error.code === 'string' && error.code !== ''
        ? error.code
        : (errorCodeForStatus(status) ?? 'UNKNOWN_ERROR');
    const message =
      typeof error.message === 'string' && error.message !== ''
        ? error.message
        : `The server answered ${status} without an error message.`;
    const requestId =
      (isObject(envelope.meta) && typeof envelope.meta.request_id === 'string'
        ? envelope.meta.request_id
        : null) ?? headers.get('x-request-id');
    const init = { details: parseDetails(error.details), requestId, headers };
    const ErrorClass = errorClassFor(status);
    return new ErrorClass(status, code, message, init);
  }

  /** A summary safe to log: no headers, no body. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      status: this.status,
      code: this.code,
      message: this.message,
      details: this.details,
      requestId: this.requestId,
    };
  }
}

/** 400: the request could not be understood (e.g. malformed JSON). */
export class BadRequestError extends APIError {
  override name = 'BadRequestError';
  declare readonly status: 400;
}

/** 401 `INVALID_API_KEY`: missing, malformed, unknown, revoked or expired key. */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
  declare readonly status: 401;
}

/** 403: the key lacks a scope (`INSUFFICIENT_SCOPE`) or `X-Workspace-Id` differs (`WORKSPACE_MISMATCH`). */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
  declare readonly status: 403;
}

/** 404: no such object in this workspace (another workspace's object looks the same). */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
  declare readonly status: 404;
}

/** 409: the request conflicts with the current state (a taken name, a revoked key…). Never retried. */
export class ConflictError extends APIError {
  override name = 'ConflictError';
  declare readonly status: 409;
}

/** 422 `VALIDATION_ERROR`: `details` names each offending field. */
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
  declare readonly status: 422;
}

/** 429 `RATE_LIMITED`: wait `retryAfter` seconds before trying again. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
  declare readonly status: 429;
  /** Seconds to wait, from `Retry-After` (or `retry-after-ms`); `null` when the server gave none. */
  readonly retryAfter: number | null;

  constructor(...args: ConstructorParameters<typeof APIError>) {
    super(...args);
    const ms = retryAfterMs(this.headers, Date.now());
    this.retryAfter = ms === null ? null : Math.ceil(ms / 1000);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfter: this.retryAfter };
  }
}

/** 5xx: the server failed; the SDK has already retried idempotent requests. */
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

type APIErrorClass = new (...args: ConstructorParameters<typeof APIError>) => APIError;

function errorClassFor(status: number): APIErrorClass {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
}

function parseDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is ErrorDetail =>
      isObject(item) && typeof item.field === 'string' && typeof item.message === 'string',
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
