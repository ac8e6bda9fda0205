import { generateApiKey } from '@onepin/core';
import { describe, expect, it } from 'vitest';
import { cacheKey } from '../test-support/cached-key.js';
import { sha256Hex } from './sha256.js';
import { VerificationCache } from './verification-cache.js';
import { verifyCachedApiKey } from './verify-api-key.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const newCache = () => new VerificationCache({ ttlMs: 30_000, maxEntries: 10, now: () => NOW });

describe('verifyCachedApiKey: the synchronous step', () => {
  it('answers a cached key at once, as a value and not a promise', () => {
    const cache = newCache();
    const key = generateApiKey('live');
    cacheKey(cache, sha256Hex(key));
    const verified = verifyCachedApiKey(key, NOW, cache);
    expect(verified).not.toBeInstanceOf(Promise);
    expect(verified).toMatchObject({ name: 'cached', workspaceId: 'workspace' });
  });

  it('refuses a token of the wrong length before hashing it (null)', () => {
    expect(verifyCachedApiKey('op_live_short', NOW, newCache())).toBeNull();
  });

  it('leaves a key it has not seen to the database, with its hash', () => {
    const key = generateApiKey('test');
    expect(verifyCachedApiKey(key, NOW, newCache())).toBe(sha256Hex(key));
  });
});
