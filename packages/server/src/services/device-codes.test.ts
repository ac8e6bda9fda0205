import { describe, expect, it } from 'vitest';
import {
  generateUserCode,
  normalizeUserCode,
  USER_CODE_ALPHABET,
  userCodeHash,
} from './device-codes.js';

describe('user codes (RFC 8628 §6.1)', () => {
  it('are XXXX-XXXX from twenty consonants: no vowels, no digits, nothing to misread', () => {
    expect(USER_CODE_ALPHABET).toBe('BCDFGHJKLMNPQRSTVWXZ');
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const code = generateUserCode();
      expect(code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
      for (const letter of code.replace('-', '')) seen.add(letter);
    }
    expect(seen.size).toBe(20);
  });

  it.each([
    ['BCDF-GHJK', 'BCDFGHJK'],
    ['bcdf-ghjk', 'BCDFGHJK'],
    ['bcdfghjk', 'BCDFGHJK'],
    [' BCDF GHJK ', 'BCDFGHJK'],
    ['BcDf-gHjK', 'BCDFGHJK'],
  ])('compare case-insensitively without the dash: %j', (typed, normalized) => {
    expect(normalizeUserCode(typed)).toBe(normalized);
    expect(userCodeHash(normalizeUserCode(typed) ?? '')).toBe(userCodeHash('BCDFGHJK'));
  });

  it.each(['', 'BCDF-GHJ', 'BCDF-GHJKL', 'BCDA-GHJK', 'BCD0-GHJK', 'BCDF_GHJK', 'ÉCDF-GHJK'])(
    'cannot be %j',
    (typed) => {
      expect(normalizeUserCode(typed)).toBeNull();
    },
  );
});
