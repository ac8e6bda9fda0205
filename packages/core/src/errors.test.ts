import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorCodeForStatus } from './errors.js';

describe('errorCodeForStatus', () => {
  it.each([
    [400, 'BAD_REQUEST'],
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [410, 'GONE'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [422, 'VALIDATION_ERROR'],
    [429, 'RATE_LIMITED'],
    [500, 'INTERNAL_ERROR'],
    [502, 'INTERNAL_ERROR'],
    [503, 'SERVICE_UNAVAILABLE'],
  ])('names %i %s', (status, code) => {
    expect(errorCodeForStatus(status)).toBe(code);
  });

  it('has no word for a status outside the vocabulary', () => {
    expect(errorCodeForStatus(418)).toBeUndefined();
  });

  it('names a code of that very status, or INTERNAL_ERROR for a 5xx', () => {
    for (let status = 400; status < 600; status++) {
      const code = errorCodeForStatus(status);
      if (code !== undefined && code !== 'INTERNAL_ERROR') {
        expect(ERROR_CODES[code].status).toBe(status);
      }
    }
  });
});
