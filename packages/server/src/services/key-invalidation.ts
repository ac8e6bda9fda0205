import type { Database, Kysely } from '@onepin/db';
import type { VerificationCache } from '../auth/verification-cache.js';

/**
 * Makes every node forget keys that changed (SPEC §2, §9). The database write always comes
 * first: `announce` runs inside the transaction that changes the keys, `invalidate` after it
 * has committed and before the response returns. Use `changeKeys`, which calls both.
 */
export interface KeyInvalidation {
  /**
   * Inside the transaction, before it commits. A transport whose message commits together
   * with the data (PostgreSQL `NOTIFY`) sends it here, so no crash between the commit and a
   * later send can lose it. Others leave this out.
   */
  announce?(trx: Kysely<Database>, hashes: readonly string[]): Promise<void>;
  /** After the commit: evicts from this node's cache, then tells the other nodes if `announce`
   * did not. Never throws for a failed broadcast: the change is committed, and the cache TTL
   * bounds how long another node can miss it. */
  invalidate(hashes: readonly string[]): Promise<void>;
}

/** Evicts from this process's cache only: enough for a single node (SQLite). */
export class LocalKeyInvalidation implements KeyInvalidation {
  readonly #cache: VerificationCache;

  constructor(cache: VerificationCache) {
    this.#cache = cache;
  }

  async invalidate(hashes: readonly string[]): Promise<void> {
    this.#cache.evict(hashes);
  }
}

/**
 * Runs `work` in one transaction that changes the keys with these hashes, then makes every
 * node forget them: announced inside the transaction, evicted here after the commit, before
 * the caller answers.
 */
export async function changeKeys<T>(
  deps: { database: { db: Kysely<Database> }; keyInvalidation: KeyInvalidation },
  hashes: readonly string[],
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const { keyInvalidation } = deps;
  const result = await deps.database.db.transaction().execute(async (trx) => {
    const value = await work(trx);
    await keyInvalidation.announce?.(trx, hashes);
    return value;
  });
  await keyInvalidation.invalidate(hashes);
  return result;
}
