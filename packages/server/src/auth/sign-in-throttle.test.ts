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

  it('forgets an email’s failures from an address after a success there', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 4; i++) throttle.recordFailure('a', 'e', 0);
    throttle.recordSuccess('a', 'e', 0);
    throttle.recordFailure('a', 'e', 0);
    expect(throttle.blockedFor('a', 'e', 0)).toBe(0);
  });

  it('blocks an address that tries many emails', () => {
    const throttle = new SignInThrottle({ perAddress: 3 });
    for (const email of ['x', 'y', 'z']) throttle.recordFailure('a', email, 0);
    expect(throttle.blockedFor('a', 'new', 0)).toBe(900);
    expect(throttle.blockedFor('b', 'new', 0)).toBe(0);
  });

  it('counts one account’s failures across addresses, 20 within 15 minutes, each address under its own limit', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 20; i++) {
      expect(throttle.blockedFor(`198.51.100.${i}`, 'victim', 0)).toBe(0);
      throttle.recordFailure(`198.51.100.${i}`, 'victim', 0);
    }
    expect(throttle.blockedFor('203.0.113.1', 'victim', 60_000)).toBe(840);
    expect(throttle.blockedFor('203.0.113.1', 'someone-else', 60_000)).toBe(0);
    expect(throttle.blockedFor('203.0.113.1', 'victim', 900_000)).toBe(0);
  });

  it('still lets the account in from an address it signed in from before, while others are refused', () => {
    const throttle = new SignInThrottle();
    throttle.recordSuccess('192.0.2.10', 'victim', 0);
    for (let i = 0; i < 20; i++) throttle.recordFailure(`198.51.100.${i}`, 'victim', 1000);
    expect(throttle.blockedFor('198.51.100.200', 'victim', 2000)).toBeGreaterThan(0);
    expect(throttle.blockedFor('192.0.2.10', 'victim', 2000)).toBe(0);
    // Familiar for 30 days, then like any other address.
    const later = 30 * 24 * 60 * 60_000 + 1;
    for (let i = 0; i < 20; i++) throttle.recordFailure(`198.51.100.${i}`, 'victim', later);
    expect(throttle.blockedFor('192.0.2.10', 'victim', later)).toBeGreaterThan(0);
  });

  it('counts an IPv6 address by its /64, so rotating within it buys no tries', () => {
    const throttle = new SignInThrottle();
    for (let i = 1; i <= 5; i++) throttle.recordFailure(`2001:db8:1:2::${i}`, 'e', 0);
    expect(throttle.blockedFor('2001:db8:1:2:ffff::9', 'e', 0)).toBe(900);
    expect(throttle.blockedFor('2001:db8:1:3::1', 'e', 0)).toBe(0);
  });
});
