import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle.js';

describe('SignInThrottle', () => {
  it('blocks one email from one address after 5 failures until 15 minutes after the first', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 5; i++) {
      expect(throttle.blockedFor('a', 'e', i * 1000)).toBe(0);
      throttle.recordFailure('a', 'e', i * 1000);
    }
    expect(throttle.blockedFor('a', 'e', 5_000)).toBe(895);
    expect(throttle.blockedFor('b', 'e', 5_000)).toBe(0);
    expect(throttle.blockedFor('a', 'other', 5_000)).toBe(0);
    expect(throttle.blockedFor('a', 'e', 900_000)).toBe(0);
  });

  it('forgets an email’s failures after a success', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 4; i++) throttle.recordFailure('a', 'e', 0);
    throttle.recordSuccess('a', 'e');
    throttle.recordFailure('a', 'e', 0);
    expect(throttle.blockedFor('a', 'e', 0)).toBe(0);
  });

  it('blocks an address that tries many emails', () => {
    const throttle = new SignInThrottle({ perAddress: 3 });
    for (const email of ['x', 'y', 'z']) throttle.recordFailure('a', email, 0);
    expect(throttle.blockedFor('a', 'new', 0)).toBe(900);
    expect(throttle.blockedFor('b', 'new', 0)).toBe(0);
  });
});
