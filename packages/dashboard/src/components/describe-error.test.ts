import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api.js';
import { describeError } from './describe-error.js';

describe('describeError', () => {
  it('says the lockout’s time once, the way a person reads it', () => {
    const locked = new ApiRequestError(
      429,
      'RATE_LIMITED',
      'Too many failed sign-ins. Try again later.',
      [],
      900,
    );
    expect(describeError(locked)).toBe('Too many failed sign-ins. Try again in 15 minutes.');
    const soon = new ApiRequestError(429, 'RATE_LIMITED', 'Slow down.', [], 20);
    expect(describeError(soon)).toBe('Slow down. Try again in less than a minute.');
  });

  it('keeps other messages as the server wrote them', () => {
    expect(describeError(new ApiRequestError(401, 'UNAUTHORIZED', 'Incorrect.'))).toBe(
      'Incorrect.',
    );
    expect(describeError(new Error('x'))).toBe('Something went wrong. Try again.');
  });
});
