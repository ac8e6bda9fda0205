import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isRejectedValue, isUniqueViolation } from './errors.js';

const coded = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('database error classification', () => {
  it.each([
    [coded('SQLITE_CONSTRAINT_UNIQUE'), true],
    [coded('23505'), true],
    [coded('23503'), false],
    [null, false],
  ])('isUniqueViolation(%o) is %s', (error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });

  it.each([
    [coded('22021'), true], // invalid byte sequence for encoding
    [coded('22P05'), true], // untranslatable character (a NUL byte)
    [coded('22003'), true], // numeric value out of range
    [coded('23505'), false],
    [{ code: 22 }, false],
    [undefined, false],
  ])('isRejectedValue(%o) is %s', (error, expected) => {
    expect(isRejectedValue(error)).toBe(expected);
  });

  it.each([
    [coded('ECONNREFUSED'), true],
    [coded('57P01'), true], // admin shutdown
    [coded('08006'), true], // connection failure
    [coded('SQLITE_BUSY'), true],
    [new Error('Connection terminated unexpectedly'), true],
    [new Error('timeout exceeded when trying to connect'), true],
    [coded('22021'), false],
    [coded('23505'), false],
    [{ code: 'ECONNREFUSED' }, false], // not an Error: nothing we threw
  ])('isDatabaseUnavailable(%o) is %s', (error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
