import { describe, expect, it } from 'vitest';
import { VerificationCache } from './verification-cache.js';
import type { VerifiedKey } from './verified-key.js';

const key = (id: string) => ({ id }) as unknown as VerifiedKey;

function cacheAt(start = 0, ttlMs = 1000, maxEntries = 100) {
  let now = start;
  const cache = new VerificationCache({ ttlMs, maxEntries, now: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('VerificationCache', () => {
  it('serves an entry until its TTL, and reads never extend it', () => {
    const { cache, advance } = cacheAt();
    cache.setIfCurrent('h', key('a'), cache.generation);
    advance(600);
    expect(cache.get('h')?.id).toBe('a');
    advance(399);
    expect(cache.get('h')?.id).toBe('a');
    advance(1);
    expect(cache.get('h')).toBeUndefined();
  });

  it('does not store a load that started before an invalidation (no revoked key comes back)', () => {
    const { cache } = cacheAt();
    const generation = cache.generation;
    // …the database read is in flight when the key is revoked and evicted…
    cache.evict(['h']);
    cache.setIfCurrent('h', key('stale'), generation);
    expect(cache.get('h')).toBeUndefined();
  });

  it('evicts the oldest entry when full', () => {
    const { cache } = cacheAt(0, 1000, 2);
    for (const id of ['a', 'b', 'c']) cache.setIfCurrent(id, key(id), cache.generation);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.id).toBe('b');
    expect(cache.get('c')?.id).toBe('c');
    expect(cache.size).toBe(2);
  });

  it('clears everything', () => {
    const { cache } = cacheAt();
    cache.setIfCurrent('h', key('a'), cache.generation);
    cache.clear();
    expect(cache.get('h')).toBeUndefined();
  });
});
