import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_CODE_LIMITS, UserCodeThrottle } from './user-code-throttle.js';

const T0 = Date.parse('2026-06-01T12:00:30.000Z');

describe('UserCodeThrottle', () => {
  it('allows 10 wrong codes a minute per address, 10 per account, 300 for the node', () => {
    expect(DEFAULT_USER_CODE_LIMITS).toEqual({ perAddress: 10, perAccount: 10, global: 300 });
    const throttle = new UserCodeThrottle();
    for (let i = 0; i < 10; i++) {
      expect(throttle.blockedFor('192.0.2.1', `user-${i}`, T0)).toBe(0);
      throttle.recordFailure('192.0.2.1', `user-${i}`, T0);
    }
    expect(throttle.blockedFor('192.0.2.1', 'someone-else', T0)).toBe(30);
    for (let i = 0; i < 10; i++) throttle.recordFailure(`198.51.100.${i}`, 'roaming', T0);
    expect(throttle.blockedFor('203.0.113.9', 'roaming', T0)).toBe(30);
    expect(throttle.blockedFor('203.0.113.9', 'innocent', T0)).toBe(0);
    for (let i = 0; i < 280; i++) throttle.recordFailure(`10.0.${i >> 8}.${i & 255}`, `u${i}`, T0);
    expect(throttle.blockedFor('203.0.113.9', 'innocent', T0)).toBe(30);
    expect(throttle.blockedFor('203.0.113.9', 'innocent', T0 + 30_000)).toBe(0);
  });

  it('counts an IPv6 address by its /64', () => {
    const throttle = new UserCodeThrottle({ perAddress: 2 });
    throttle.recordFailure('2001:db8:1:2::1', 'a', T0);
    throttle.recordFailure('2001:db8:1:2::ffff', 'b', T0);
    expect(throttle.blockedFor('2001:db8:1:2:abcd::9', 'c', T0)).toBeGreaterThan(0);
    expect(throttle.blockedFor('2001:db8:1:3::1', 'c', T0)).toBe(0);
  });
});
