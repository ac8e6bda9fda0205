import { formatBytes } from '@onepin/core';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../api-error.js';
import type { AppEnv } from './app-env.js';

export interface BodyLimitOptions {
  /** Bodies above this many bytes get 413. */
  maxBytes: number;
  /** Whether a body must be JSON in UTF-8 (415 otherwise). */
  json: boolean;
}

/** `application/json` or `application/…+json`, with no parameter but `charset=utf-8`. */
const JSON_CONTENT_TYPE =
  /^application\/(?:[\w.-]+\+)?json[ \t]*(?:;[ \t]*charset[ \t]*=[ \t]*"?utf-8"?[ \t]*)?$/i;

/**
 * What a route accepts as a request body (SPEC §5), as its declaration says (`BodyPolicy`):
 * no more than `maxBytes` (413), counted while it streams in when no Content-Length announced
 * it; and for JSON routes, JSON in UTF-8 only (RFC 8259 §8.1): a body declared in another type
 * or charset gets 415 before anything reads it. Requests without a body pass untouched; routes
 * that need one answer 415 when it is missing.
 */
export function bodyLimits(options: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: options.maxBytes,
    onError: () => {
      throw new ApiError(
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${formatBytes(options.maxBytes)}.`,
      );
    },
  });
  return (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const contentType = options.json ? c.req.raw.headers.get('content-type') : null;
    if (contentType !== null && !JSON_CONTENT_TYPE.test(contentType)) {
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Request bodies must be JSON: Content-Type: application/json (UTF-8).',
      );
    }
    return limit(c, next);
  };
}
