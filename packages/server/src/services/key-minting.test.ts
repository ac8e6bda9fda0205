import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CurrentAuthority, FULL_AUTHORITY } from './key-authority.js';
import { type KeyTerms, mintApiKey } from './key-minting.js';

const SOURCE_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The packages that could store a key they made: the server, and the database layer under it. */
const SOURCE_ROOTS = [SOURCE_ROOT, fileURLToPath(new URL('../../../db/src', import.meta.url))];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('minting keys', () => {
  it('every path that mints a key goes through mintApiKey: no other server module makes a secret', () => {
    const minting = SOURCE_ROOTS.flatMap(sourceFiles)
      .filter((file) => /\bgenerateApiKey\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SOURCE_ROOT, file));
    expect(minting).toEqual([join('services', 'key-minting.ts')]);
  });

  it('lets the unbounded authority mint any key, through the same checks', () => {
    const secret = mintApiKey(FULL_AUTHORITY, {
      keyType: 'test',
      scopes: ['api_keys:write'],
      expiresAt: null,
      rateLimitPerMin: 1_000_000,
    });
    expect(secret.plaintext.startsWith('op_test_')).toBe(true);
    expect(secret.keyPrefix).toBe('op_test_');
    expect(secret.keySuffix).toBe(secret.plaintext.slice(-4));
    expect(secret.keyHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the authority check of mintApiKey', () => {
  /** A live key with workflows:read, expiring at T, capped at 5 per minute (default 600). */
  const bounded = {
    callerKeyId: 'caller',
    grantable: ['workflows:read'],
    environment: 'live',
    latestExpiry: '2030-01-01T00:00:00.000Z',
    rateLimit: { max: 5, serverDefault: 600 },
    mayReactivate: false,
  } as unknown as CurrentAuthority;
  const within: KeyTerms = {
    keyType: 'live',
    scopes: ['workflows:read'],
    expiresAt: '2029-12-31T00:00:00.000Z',
    rateLimitPerMin: 5,
  };

  it('mints a key within every bound', () => {
    expect(mintApiKey(bounded, within).plaintext.startsWith('op_live_')).toBe(true);
  });

  it.each<[string, Partial<KeyTerms>, string]>([
    ['another key type', { keyType: 'test' }, 'FORBIDDEN'],
    ['a scope the caller lacks', { scopes: ['workflows:write'] }, 'INSUFFICIENT_SCOPE'],
    ['a later expiry', { expiresAt: '2030-01-01T00:00:00.001Z' }, 'FORBIDDEN'],
    ['no expiry at all', { expiresAt: null }, 'FORBIDDEN'],
    ['a higher rate limit', { rateLimitPerMin: 6 }, 'FORBIDDEN'],
    ['the server default above the caller’s limit', { rateLimitPerMin: null }, 'FORBIDDEN'],
  ])('refuses %s', (_label, change, code) => {
    expect(() => mintApiKey(bounded, { ...within, ...change })).toThrow(
      expect.objectContaining({ code }),
    );
  });
});
