import { describe, expect, it } from 'vitest';
import { backoffDelayMs, isIdempotent, retryAfterMs } from './retry.js';

describe('backoffDelayMs', () => {
  it.each([
    [0, 500],
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [10, 8000],
  ])('retry %i waits %i ms before jitter, capped at 8 s', (retry, expected) => {
    expect(backoffDelayMs(retry, () => 0)).toBe(expected);
  });

  it('takes off at most 25 % as jitter', () => {
    expect(backoffDelayMs(0, () => 0.999_999)).toBeCloseTo(375, 0);
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelayMs(2, Math.random);
      expect(delay).toBeGreaterThan(1500);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  it.each([
    [{ 'retry-after': '5' }, 5000],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after-ms': '20' }, 20],
    [{ 'retry-after': 'Mon, 01 Jun 2026 12:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Mon, 01 Jun 2026 11:00:00 GMT' }, 0],
    [{ 'retry-after': '-1' }, null],
    [{ 'retry-after-ms': 'x' }, null],
    [{}, null],
  ])('reads %j as %s', (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), now)).toBe(expected);
  });
});

describe('isIdempotent', () => {
  it.each(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'get'])('%s is', (method) => {
    expect(isIdempotent(method)).toBe(true);
  });
  it.each(['POST', 'PATCH'])('%s is not', (method) => {
    expect(isIdempotent(method)).toBe(false);
  });
});
