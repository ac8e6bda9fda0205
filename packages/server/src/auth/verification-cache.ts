import type { VerifiedKey } from './verified-key.js';

export interface VerificationCacheOptions {
  /** How long an entry may serve before the database is asked again: the safety net behind
   * explicit invalidation. Reads never extend it. */
  ttlMs: number;
  maxEntries: number;
  now: () => number;
}

interface Entry {
  key: VerifiedKey;
  expiresAt: number;
}

/**
 * Verified keys by SHA-256, so a key seen before costs no database work (SPEC §9).
 *
 * Invalidation bumps `generation`; a loader that read the database before an invalidation
 * must not store what it read (`setIfCurrent`), or a revoked key could come back.
 */
export class VerificationCache {
  readonly #entries = new Map<string, Entry>();
  readonly #options: VerificationCacheOptions;
  #generation = 0;
  /**
   * A cursor over the keys in insertion order, kept between evictions. Everything before it has
   * been evicted, so its next key is the oldest entry. A fresh `keys()` iterator per eviction
   * would skip every deleted slot from the front of the Map again: with a full cache of many
   * distinct keys that cost tens of µs per cache miss (npm run bench, first-sight keys).
   */
  #oldest: MapIterator<string> | undefined;
  readonly #listeners: Array<(hashes: Iterable<string> | null) => void> = [];

  constructor(options: VerificationCacheOptions) {
    this.#options = options;
  }

  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(hash: string): VerifiedKey | undefined {
    const entry = this.#entries.get(hash);
    if (entry === undefined) return undefined;
    if (this.#options.now() >= entry.expiresAt) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry.key;
  }

  /** Stores `key` unless an invalidation happened since `generation` was read. */
  setIfCurrent(hash: string, key: VerifiedKey, generation: number): void {
    if (generation !== this.#generation) return;
    if (this.#entries.size >= this.#options.maxEntries) this.#evictOldest();
    this.#entries.set(hash, { key, expiresAt: this.#options.now() + this.#options.ttlMs });
  }

  evict(hashes: Iterable<string>): void {
    this.#generation++;
    for (const hash of hashes) this.#entries.delete(hash);
    for (const listener of this.#listeners) listener(hashes);
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
    this.#oldest = undefined;
    for (const listener of this.#listeners) listener(null);
  }

  /**
   * Calls `listener` after every eviction (with its hashes) and every clear (`null`), whether
   * this node changed the keys or heard of it from another node (the invalidation fan-out):
   * the service tokens' cache and the verify events stream follow the keys' cache this way.
   */
  onInvalidate(listener: (hashes: Iterable<string> | null) => void): void {
    this.#listeners.push(listener);
  }

  /** Maps iterate in insertion order: drops the entry the cursor reaches next. */
  #evictOldest(): void {
    this.#oldest ??= this.#entries.keys();
    let next = this.#oldest.next();
    if (next.done) {
      // A finished iterator stays finished; start again over what the Map holds now.
      this.#oldest = this.#entries.keys();
      next = this.#oldest.next();
    }
    if (!next.done) this.#entries.delete(next.value);
  }
}
