import { generateApiKey } from '@onepin/core';
import { describe, expect, it } from 'vitest';
import { cacheKey } from '../test-support/cached-key.js';
import { sha256Hex } from './sha256.js';
import { VerificationCache } from './verification-cache.js';
import { verifyApiKeyFromCache } from './verify-api-key.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const withLastCharacterChanged = (key: string) =>
  `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
const newCache = () => new VerificationCache({ ttlMs: 30_000, maxEntries: 10, now: () => NOW });

describe('verifyApiKeyFromCache: the synchronous step', () => {
  it('answers a cached key at once, as a value and not a promise', () => {
    const cache = newCache();
    const key = generateApiKey('live');
    cacheKey(cache, sha256Hex(key));
    const verified = verifyApiKeyFromCache(key, NOW, cache);
    expect(verified).not.toBeInstanceOf(Promise);
    expect(verified).toMatchObject({ name: 'cached', workspaceId: 'workspace' });
  });

  it.each([
    ['a token of the wrong length', 'op_live_short'],
    ['a bad checksum', withLastCharacterChanged(generateApiKey('live'))],
  ])('refuses %s without the database (null)', (_label, token) => {
    expect(verifyApiKeyFromCache(token, NOW, newCache())).toBeNull();
  });

  it('leaves a well-formed key it has not seen to the database (undefined)', () => {
    expect(verifyApiKeyFromCache(generateApiKey('test'), NOW, newCache())).toBeUndefined();
  });
});
