import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  API_KEY_PATTERN,
  apiKeyChecksum,
  diagnoseApiKey,
  generateApiKey,
  keyDisplayParts,
  keyPreview,
  parseApiKey,
  previewApiKey,
} from './api-key.js';
import { BASE62_ALPHABET, encodeBase62 } from './base62.js';
import { crc32Ascii } from './crc32.js';

const base62Char = fc.constantFrom(...BASE62_ALPHABET);
const randomPart = fc.string({ unit: base62Char, minLength: 26, maxLength: 26 });

describe('API key format', () => {
  it.each(['live', 'test'] as const)('generates %s keys that match the SPEC §2 regex', (type) => {
    const key = generateApiKey(type);
    expect(key).toMatch(API_KEY_PATTERN);
    expect(key.startsWith(`op_${type}_`)).toBe(true);
    expect(parseApiKey(key)).toEqual({ type, prefix: `op_${type}_`, suffix: key.slice(-4) });
  });

  it('computes the checksum as base62(CRC-32 IEEE of the random part), zero-padded to 6', () => {
    const random = 'abcdefghijklmnopqrstuvwxyz';
    expect(crc32Ascii(random)).toBe(crc32(random));
    expect(apiKeyChecksum(random)).toBe(encodeBase62(crc32(random), 6));
    expect(apiKeyChecksum(random)).toHaveLength(6);
  });

  it('parses thousands of generated keys', () => {
    for (let i = 0; i < 5000; i++) {
      const key = generateApiKey(i % 2 ? 'live' : 'test');
      expect(parseApiKey(key)).not.toBeNull();
    }
  });

  it('accepts any random part with its own checksum', () => {
    fc.assert(
      fc.property(randomPart, fc.constantFrom('live', 'test'), (random, type) => {
        const key = `op_${type}_${random}${apiKeyChecksum(random)}`;
        expect(crc32Ascii(random)).toBe(crc32(random));
        return parseApiKey(key)?.type === type;
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects every single-character change of a valid key', () => {
    const alphabet = `${BASE62_ALPHABET}_-.+/= `;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 39 }),
        fc.constantFrom(...alphabet),
        fc.constantFrom('live', 'test'),
        (position, replacement, type) => {
          const key = generateApiKey(type as 'live' | 'test');
          fc.pre(key[position] !== replacement);
          const changed = key.slice(0, position) + replacement + key.slice(position + 1);
          // A change of the type letters themselves can produce the other valid prefix only
          // by changing more than one character, so every single change must fail.
          return parseApiKey(changed) === null;
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('rejects every single-character change exhaustively for one key', () => {
    const key = generateApiKey('live');
    for (let position = 0; position < key.length; position++) {
      for (const replacement of BASE62_ALPHABET) {
        if (key[position] === replacement) continue;
        const changed = key.slice(0, position) + replacement + key.slice(position + 1);
        expect(parseApiKey(changed), changed).toBeNull();
      }
    }
  });

  it.each([
    ['', 'prefix'],
    ['sk_live_abc', 'prefix'],
    ['op_live_short', 'format'],
    [`op_live_${'a'.repeat(33)}`, 'format'],
    [`op_live_${'a'.repeat(32)}`, 'checksum'],
  ] as const)('diagnoses %j as a %s problem', (candidate, problem) => {
    expect(diagnoseApiKey(candidate)).toBe(problem);
    expect(parseApiKey(candidate)).toBeNull();
  });

  it('rejects keys with surrounding whitespace or extra characters', () => {
    const key = generateApiKey('live');
    for (const bad of [` ${key}`, `${key}\n`, `${key}x`, key.toUpperCase()]) {
      expect(parseApiKey(bad)).toBeNull();
    }
  });

  it('shows a preview with the prefix and the last four characters only', () => {
    expect(keyPreview('op_live_', 'AbCd')).toBe('op_live_…AbCd');
  });

  it.each(['live', 'test'] as const)('cuts a %s key into what may be stored and shown', (type) => {
    const key = generateApiKey(type);
    expect(keyDisplayParts(key)).toEqual({ prefix: `op_${type}_`, suffix: key.slice(-4) });
    expect(previewApiKey(key)).toBe(`op_${type}_…${key.slice(-4)}`);
  });

  it('keeps a percent-encoded prefix whole in the preview (as a URL carries it)', () => {
    const key = generateApiKey('live');
    const encoded = key.replaceAll('_', '%5F');
    expect(previewApiKey(encoded)).toBe(`op%5Flive%5F…${key.slice(-4)}`);
  });
});
