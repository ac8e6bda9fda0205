import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiKeyChecksum, generateApiKey } from './api-key.js';
import { BASE62_ALPHABET } from './base62.js';
import {
  containsApiKey,
  extractApiKeys,
  findApiKeys,
  redactKeyShapedText,
} from './find-api-keys.js';
import { generateServiceToken, parseServiceToken } from './service-token.js';

const base62Char = fc.constantFrom(...BASE62_ALPHABET);
const keyType = fc.constantFrom('live' as const, 'test' as const);
/** A valid key built from fast-check's own randomness, so failures shrink and replay. */
const validKey = fc
  .tuple(keyType, fc.string({ unit: base62Char, minLength: 26, maxLength: 26 }))
  .map(([type, random]) => `op_${type}_${random}${apiKeyChecksum(random)}`);
/** Key-shaped strings whose checksum does not match. */
const lookAlike = fc
  .tuple(keyType, fc.string({ unit: base62Char, minLength: 32, maxLength: 32 }))
  .filter(([, body]) => apiKeyChecksum(body.slice(0, 26)) !== body.slice(26))
  .map(([type, body]) => `op_${type}_${body}`);
/** Any text: every UTF-16 unit, and text made of what keys are made of, which is harder. */
const surrounding = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...`${BASE62_ALPHABET}_%5Fop\n "{}`), maxLength: 60 }),
);

/** Where `prefix` leaves the next character: its 1-based line and column. */
function positionAfter(prefix: string): { line: number; column: number } {
  const lines = prefix.split('\n');
  return { line: lines.length, column: (lines.at(-1) as string).length + 1 };
}

describe('findApiKeys', () => {
  it('reports valid keys with line, column and preview, never the key', () => {
    const live = generateApiKey('live');
    const test = generateApiKey('test');
    const text = `first line\nconst key = "${live}";\n\n  export ONEPIN_API_KEY=${test}\n`;
    const found = findApiKeys(text);
    expect(found).toEqual([
      { line: 2, column: 14, type: 'live', preview: `op_live_…${live.slice(-4)}` },
      { line: 4, column: 25, type: 'test', preview: `op_test_…${test.slice(-4)}` },
    ]);
    expect(JSON.stringify(found)).not.toContain(live);
  });

  it('ignores look-alikes that fail the checksum', () => {
    const key = generateApiKey('live');
    const lookAlikeKey = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
    expect(findApiKeys(`token: ${lookAlikeKey}\nop_live_${'x'.repeat(32)}`)).toEqual([]);
  });

  it('finds several keys on one line and keys glued to punctuation', () => {
    const a = generateApiKey('live');
    const b = generateApiKey('live');
    expect(findApiKeys(`["${a}","${b}"]`).map((f) => f.column)).toEqual([3, 3 + a.length + 3]);
  });

  // The red team's bypasses of the old `\b…\b` pattern: `_`, letters and digits are word
  // characters, so a key glued to them on either side was not found.
  it.each([
    ['prod_<key>', (key: string) => `prod_${key}`],
    ['<key>x', (key: string) => `${key}x`],
    ['x<key>', (key: string) => `x${key}`],
    ['<key>_old', (key: string) => `${key}_old`],
    ['9<key>9', (key: string) => `9${key}9`],
    ['a JSON string', (key: string) => JSON.stringify({ name: `prod_${key}x` })],
    ['percent-encoded underscores', (key: string) => `?k=${key.replaceAll('_', '%5F')}&x=1`],
    ['lower-case percent-encoding', (key: string) => `${key.replaceAll('_', '%5f')}z`],
    ['two keys back to back', (key: string) => `${key}${key}`],
  ])('finds a key glued to other text: %s', (_name, embed) => {
    const key = generateApiKey('test');
    const found = findApiKeys(embed(key));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.preview === `op_test_…${key.slice(-4)}`)).toBe(true);
    expect(containsApiKey(embed(key))).toBe(true);
  });

  it('finds a key embedded anywhere in any text, at its line and column', () => {
    fc.assert(
      fc.property(surrounding, validKey, surrounding, (before, key, after) => {
        const found = findApiKeys(`${before}${key}${after}`);
        expect(found).toContainEqual({
          ...positionAfter(before),
          type: key.startsWith('op_live_') ? 'live' : 'test',
          preview: `${key.slice(0, 8)}…${key.slice(-4)}`,
        });
        expect(containsApiKey(`${before}${key}${after}`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a key with percent-encoded underscores embedded anywhere', () => {
    fc.assert(
      fc.property(surrounding, validKey, surrounding, (before, key, after) => {
        const encoded = key.replaceAll('_', '%5F');
        expect(findApiKeys(`${before}${encoded}${after}`).map((f) => f.preview)).toContain(
          `${key.slice(0, 8)}…${key.slice(-4)}`,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('never reports a checksum-failing look-alike, wherever it sits', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'xyz _-./"\n'), maxLength: 20 }),
        lookAlike,
        fc.string({ unit: fc.constantFrom(...'xyz _-./"\n'), maxLength: 20 }),
        (before, fake, after) => {
          expect(findApiKeys(`${before}${fake}${after}`)).toEqual([]);
          expect(containsApiKey(`${before}${fake}${after}`)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('redactKeyShapedText', () => {
  it('replaces every key-shaped string with its preview, checksum or not, glued or not', () => {
    const key = generateApiKey('live');
    const fake = `op_test_${'a'.repeat(32)}`;
    expect(redactKeyShapedText(`prod_${key}x and ${fake}.`)).toBe(
      `prod_op_live_…${key.slice(-4)}x and op_test_…aaaa.`,
    );
    expect(redactKeyShapedText(key.replaceAll('_', '%5F'))).toBe(`op%5Flive%5F…${key.slice(-4)}`);
  });

  it('leaves nothing of a key embedded anywhere but its preview', () => {
    fc.assert(
      fc.property(surrounding, validKey, surrounding, (before, key, after) => {
        const redacted = redactKeyShapedText(`${before}${key}${after}`);
        expect(redacted).not.toContain(key.slice(8, 36));
        expect(containsApiKey(redacted)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('extractApiKeys', () => {
  it('returns each key with a valid checksum, glued or percent-encoded, and no look-alike', () => {
    const a = generateApiKey('live');
    const b = generateApiKey('test');
    const bad = `${a.slice(0, -1)}${a.endsWith('A') ? 'B' : 'A'}`;
    const text = `x prod_${a}\n${b.replaceAll('_', '%5F')} ${bad}`;
    expect(extractApiKeys(text)).toEqual([a, b]);
    expect(extractApiKeys('nothing here')).toEqual([]);
  });
});

describe('service tokens (op_svc_)', () => {
  it('are found with their own type, extracted, contained and redacted', () => {
    const token = generateServiceToken();
    const text = `SERVICE=1\nONEPIN_SERVICE_TOKEN=${token}\n`;
    expect(findApiKeys(text)).toEqual([
      { line: 2, column: 22, type: 'service', preview: `op_svc_…${token.slice(-4)}` },
    ]);
    expect(extractApiKeys(text)).toEqual([token]);
    expect(containsApiKey(text)).toBe(true);
    const redacted = redactKeyShapedText(text);
    expect(redacted).not.toContain(token);
    expect(redacted).toContain(`op_svc_…${token.slice(-4)}`);
  });

  it('are found with percent-encoded underscores and glued to other text', () => {
    const token = generateServiceToken();
    const encoded = token.replaceAll('_', '%5F');
    const text = `https://x.example/?t=${encoded}&a=prod_${token}x`;
    expect(findApiKeys(text).map((f) => f.type)).toEqual(['service', 'service']);
    expect(extractApiKeys(text)).toEqual([token, token]);
    expect(redactKeyShapedText(text)).not.toContain(token.slice(7));
  });

  it('with a wrong checksum are not found, but still redacted', () => {
    const token = generateServiceToken();
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const bad = `${token.slice(0, -1)}${last}`;
    expect(parseServiceToken(bad)).toBeNull();
    expect(findApiKeys(bad)).toEqual([]);
    expect(extractApiKeys(bad)).toEqual([]);
    expect(containsApiKey(bad)).toBe(false);
    expect(redactKeyShapedText(`x ${bad} y`)).toBe(`x op_svc_…${bad.slice(-4)} y`);
  });

  it('an API key body behind op_svc_ is not a token unless its checksum holds (same body)', () => {
    // The checksum is the same function for both: a key's body is a valid token body too.
    const key = generateApiKey('live');
    const asToken = `op_svc_${key.slice(8)}`;
    expect(findApiKeys(asToken)).toEqual([
      { line: 1, column: 1, type: 'service', preview: `op_svc_…${key.slice(-4)}` },
    ]);
  });
});
