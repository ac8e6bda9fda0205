import fc from 'fast-check';
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

  it('keeps evicting exactly the oldest entry through inserts, updates, evictions and clears', () => {
    const maxEntries = 5;
    const operation = fc.record({
      action: fc.constantFrom('set', 'set', 'set', 'set', 'evict', 'clear'),
      id: fc.integer({ min: 0, max: 11 }).map((n) => `k${n}`),
    });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
        const { cache } = cacheAt(0, 1000, maxEntries);
        // The model: keys in insertion order. Storing a key when full first drops the oldest,
        // even when the key is already there (an update keeps its place).
        let model: string[] = [];
        for (const { action, id } of operations) {
          if (action === 'clear') {
            cache.clear();
            model = [];
          } else if (action === 'evict') {
            cache.evict([id]);
            model = model.filter((k) => k !== id);
          } else {
            cache.setIfCurrent(id, key(id), cache.generation);
            if (model.length >= maxEntries) model.shift();
            if (!model.includes(id)) model.push(id);
          }
          expect(cache.size).toBe(model.length);
          for (const k of model) expect(cache.get(k)?.id).toBe(k);
        }
      }),
    );
  });

  it('clears everything', () => {
    const { cache } = cacheAt();
    cache.setIfCurrent('h', key('a'), cache.generation);
    cache.clear();
    expect(cache.get('h')).toBeUndefined();
  });
});
