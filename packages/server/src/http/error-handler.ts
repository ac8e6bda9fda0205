import { ERROR_CODES, errorCodeForStatus, redactKeyShapedText } from '@onepin/core';
import { isDatabaseUnavailable, isRejectedValue, PlaintextKeyRefusedError } from '@onepin/db';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from '../api-error.js';
import type { Clock } from '../deps.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './app-env.js';
import { meta } from './envelope.js';
import { PASTED_KEY_ERROR_MESSAGE, PASTED_KEY_MESSAGE } from './pasted-key-guard.js';
import { jsonResponse } from './response-headers.js';

/** Turns anything thrown into the error envelope of SPEC §5. Unknown errors are logged with
 * their cause and answered as a bare 500 that reveals nothing; client mistakes never get here
 * as unknown errors. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    const code = errorCodeForStatus(error.status) ?? 'BAD_REQUEST';
    const message =
      error.status === 400 && /json/i.test(error.message)
        ? 'The request body is not valid JSON.'
        : ERROR_CODES[code].message;
    return new ApiError(code, message, { cause: error });
  }
  if (error instanceof PlaintextKeyRefusedError) {
    // The storage layer's net caught a key the request guard could not see (it came from a
    // header, say): the same answer as the guard's.
    return new ApiError('VALIDATION_ERROR', PASTED_KEY_ERROR_MESSAGE, {
      details: [{ field: error.column ?? '(request)', message: PASTED_KEY_MESSAGE }],
      cause: error,
    });
  }
  if (isRejectedValue(error)) {
    // The database refused a value our validation let through (a NUL byte, say): the
    // request's fault, so a 400, and the rule belongs in the schema too.
    return new ApiError('BAD_REQUEST', 'The request contains a value the server cannot store.', {
      cause: error,
    });
  }
  if (isDatabaseUnavailable(error)) {
    return new ApiError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly.', {
      headers: { 'Retry-After': '5' },
      cause: error,
    });
  }
  return new ApiError('INTERNAL_ERROR', undefined, { cause: error });
}

/**
 * Renders the envelope. Messages and details may quote what the client sent (a field name, a
 * rejected value, a name that is taken): anything key-shaped in them is replaced by its
 * preview here, once for every error, so no message written later can echo a key.
 */
export function renderError(c: Context<AppEnv>, error: ApiError, clock: Clock): Response {
  const body = {
    error: {
      code: error.code,
      message: redactKeyShapedText(error.message),
      ...(error.details && {
        details: error.details.map((detail) => ({
          field: redactKeyShapedText(detail.field),
          message: redactKeyShapedText(detail.message),
        })),
      }),
    },
    meta: meta(c, clock.now()),
  };
  return jsonResponse(c, body, error.status as ContentfulStatusCode, error.headers);
}

export function errorHandler(clock: Clock, logger: Logger) {
  return (thrown: Error, c: Context<AppEnv>): Response => {
    const error = toApiError(thrown);
    if (error.code === 'SERVICE_UNAVAILABLE') {
      // Expected while the database restarts: one short line per request, not a stack each.
      const cause = error.cause as { message?: unknown; code?: unknown } | undefined;
      logger.warn(
        { request_id: c.get('requestId'), cause: String(cause?.code ?? cause?.message ?? '') },
        'request refused: database unavailable',
      );
    } else if (error.status >= 500) {
      logger.error({ request_id: c.get('requestId'), err: error.cause ?? error }, 'request failed');
    }
    return renderError(c, error, clock);
  };
}
