import { describe, expect, it } from 'vitest';
import { FailedAuthThrottle, InMemoryRateLimiter } from './rate-limiter.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-06-01T12:00:00.000Z');

describe('InMemoryRateLimiter', () => {
  it('allows the limit per minute window, then refuses until the window ends', () => {
    const limiter = new InMemoryRateLimiter();
    const decisions = Array.from({ length: 4 }, () => limiter.consume('k', 3, T0 + 10_000));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions[0]?.resetAtMs).toBe(T0 + MINUTE);
    expect(limiter.consume('k', 3, T0 + MINUTE).allowed).toBe(true);
  });

  it('counts each bucket separately', () => {
    const limiter = new InMemoryRateLimiter();
    limiter.consume('a', 1, T0);
    expect(limiter.consume('a', 1, T0).allowed).toBe(false);
    expect(limiter.consume('b', 1, T0).allowed).toBe(true);
  });
});

describe('FailedAuthThrottle', () => {
  it('blocks an address after the limit of failures within the minute, until the minute ends', () => {
    const throttle = new FailedAuthThrottle(30);
    for (let i = 0; i < 29; i++) throttle.recordFailure('1.2.3.4', T0 + 1000);
    expect(throttle.blockedFor('1.2.3.4', T0 + 1000)).toBe(0);
    throttle.recordFailure('1.2.3.4', T0 + 1000);
    expect(throttle.blockedFor('1.2.3.4', T0 + 1000)).toBe(59);
    expect(throttle.blockedFor('5.6.7.8', T0 + 1000)).toBe(0);
    expect(throttle.blockedFor('1.2.3.4', T0 + MINUTE)).toBe(0);
  });

  it('counts an IPv6 address by its /64 and an IPv4-mapped address as its IPv4 one', () => {
    const throttle = new FailedAuthThrottle(3);
    for (let i = 1; i <= 3; i++) throttle.recordFailure(`2001:db8:5:6::${i}`, T0);
    expect(throttle.blockedFor('2001:db8:5:6:abcd::1', T0)).toBeGreaterThan(0);
    expect(throttle.blockedFor('2001:db8:5:7::1', T0)).toBe(0);
    for (let i = 0; i < 3; i++) throttle.recordFailure('::ffff:192.0.2.1', T0);
    expect(throttle.blockedFor('192.0.2.1', T0)).toBeGreaterThan(0);
  });
});
