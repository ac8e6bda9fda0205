import { describe, expect, it } from 'vitest';
import { RETRY_WINDOW_MS, retryDelayMs } from './retry-schedule.js';

describe('the retry schedule', () => {
  it('doubles from 30 s up to 4 h', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 10, 11, 20].map((n) => retryDelayMs(n, middle))).toEqual([
      30_000, 60_000, 120_000, 240_000, 14_400_000, 14_400_000, 14_400_000,
    ]);
  });

  it('spreads each wait by at most 10% either way', () => {
    expect(retryDelayMs(1, () => 0)).toBe(27_000);
    expect(retryDelayMs(1, () => 1)).toBe(33_000);
  });

  it('makes about fifteen attempts in the 24-hour window', () => {
    let elapsed = 0;
    let attempts = 1;
    while (elapsed + retryDelayMs(attempts, () => 0.5) <= RETRY_WINDOW_MS) {
      elapsed += retryDelayMs(attempts, () => 0.5);
      attempts++;
    }
    expect(attempts).toBeGreaterThanOrEqual(13);
    expect(attempts).toBeLessThanOrEqual(16);
    expect(elapsed).toBeGreaterThan(20 * 60 * 60 * 1000);
  });
});
