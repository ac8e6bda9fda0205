import { describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './index.js';

const envelope = (code: string, extra: Record<string, unknown> = {}) => ({
  error: { code, message: `${code} message`, ...extra },
  meta: { request_id: 'from-body', timestamp: '2026-01-01T00:00:00.000Z' },
});

describe('APIError.from', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [599, InternalServerError],
  ])('maps %i to %o', (status, ErrorClass) => {
    const error = APIError.from(status, envelope('SOME_CODE'), new Headers());
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code: 'SOME_CODE', message: 'SOME_CODE message' });
    expect(error.name).toBe(ErrorClass.name);
  });

  it.each([405, 413, 415, 418])('keeps %i as a plain APIError', (status) => {
    const error = APIError.from(status, envelope('X'));
    expect(error.constructor).toBe(APIError);
  });

  it('prefers meta.request_id, then X-Request-Id', () => {
    const headers = new Headers({ 'x-request-id': 'from-header' });
    expect(APIError.from(404, envelope('NOT_FOUND'), headers).requestId).toBe('from-body');
    expect(APIError.from(404, 'not json', headers).requestId).toBe('from-header');
    expect(APIError.from(404, null).requestId).toBeNull();
  });

  it('keeps well-formed details and drops the rest', () => {
    const error = APIError.from(
      422,
      envelope('VALIDATION_ERROR', {
        details: [{ field: 'name', message: 'must not be empty' }, { field: 3 }, 'junk'],
      }),
    );
    expect(error.details).toEqual([{ field: 'name', message: 'must not be empty' }]);
  });

  it.each([
    [401, 'UNAUTHORIZED'],
    [404, 'NOT_FOUND'],
    [429, 'RATE_LIMITED'],
    [502, 'INTERNAL_ERROR'],
    [503, 'SERVICE_UNAVAILABLE'],
    [418, 'UNKNOWN_ERROR'],
  ])('falls back to a code for %i when the body has none', (status, code) => {
    const error = APIError.from(status, '<html>');
    expect(error.code).toBe(code);
    expect(error.message).toBe(`The server answered ${status} without an error message.`);
  });

  it('gives RateLimitError.retryAfter in seconds', () => {
    const seconds = APIError.from(
      429,
      envelope('RATE_LIMITED'),
      new Headers({ 'retry-after': '17' }),
    );
    expect(seconds).toBeInstanceOf(RateLimitError);
    expect((seconds as RateLimitError).retryAfter).toBe(17);
    const ms = APIError.from(429, {}, new Headers({ 'retry-after-ms': '1200' })) as RateLimitError;
    expect(ms.retryAfter).toBe(2);
    expect((APIError.from(429, {}) as RateLimitError).retryAfter).toBeNull();
  });

  it('serialises to JSON without headers', () => {
    const error = APIError.from(
      403,
      envelope('INSUFFICIENT_SCOPE'),
      new Headers({ 'set-cookie': 'secret' }),
    );
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'PermissionDeniedError',
      status: 403,
      code: 'INSUFFICIENT_SCOPE',
      message: 'INSUFFICIENT_SCOPE message',
      details: [],
      requestId: 'from-body',
    });
  });
});
