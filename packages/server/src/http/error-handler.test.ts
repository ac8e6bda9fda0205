import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.js';
import { toApiError } from './error-handler.js';

const pgError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('toApiError', () => {
  it.each([
    [pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'), 400, 'BAD_REQUEST'],
    [pgError('22P02'), 400, 'BAD_REQUEST'],
    [pgError('ECONNREFUSED'), 503, 'SERVICE_UNAVAILABLE'],
    [pgError('57P01'), 503, 'SERVICE_UNAVAILABLE'],
    [new HTTPException(400, { message: 'Malformed JSON in request body' }), 400, 'BAD_REQUEST'],
    [new HTTPException(415), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [new TypeError('undefined is not a function'), 500, 'INTERNAL_ERROR'],
  ])('maps %o to %i %s', (thrown, status, code) => {
    const error = toApiError(thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).not.toContain('UTF8');
  });
});
