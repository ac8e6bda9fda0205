import type { VerificationCache } from '../auth/verification-cache.js';

/**
 * Removes changed keys from the verification caches. Services call it after the database
 * write has committed and before the response returns (SPEC §2); the cross-node
 * implementation also tells every other node.
 */
export interface KeyInvalidation {
  invalidate(hashes: readonly string[]): Promise<void>;
}

/** Evicts from this process's cache only: enough for a single node. */
export class LocalKeyInvalidation implements KeyInvalidation {
  readonly #cache: VerificationCache;

  constructor(cache: VerificationCache) {
    this.#cache = cache;
  }

  async invalidate(hashes: readonly string[]): Promise<void> {
    this.#cache.evict(hashes);
  }
}
