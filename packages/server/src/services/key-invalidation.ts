import {
  type Database,
  type DialectName,
  insertKeyInvalidationEvents,
  type Kysely,
} from '@onepin/db';
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
 * Why a key's cached verification stopped being true: the `reason` of the verify events
 * stream (`key_invalidation_events`). `null` records nothing there (a service token's hash).
 */
export type KeyChangeReason = 'revoked' | 'rotated' | 'updated' | 'deleted' | 'leaked';

/**
 * Runs `work` in one transaction that changes the keys with these hashes, then makes every
 * node forget them: announced inside the transaction, evicted here after the commit, before
 * the caller answers. The same transaction records one `key_invalidation_events` row per hash
 * with `reason`, for the verify API's remote caches (`GET /api/v1/keys/verify/events`).
 */
export async function changeKeys<T>(
  deps: KeyChangeDeps,
  reason: KeyChangeReason | null,
  hashes: readonly string[],
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return changeFoundKeys(deps, reason, async (trx) => ({ value: await work(trx), hashes }));
}

type KeyChangeDeps = {
  database: { db: Kysely<Database>; dialect: DialectName };
  clock: { now(): number };
  keyInvalidation: KeyInvalidation;
  outbox?: { wake(): void } | undefined;
};

/**
 * `changeKeys` for work that finds the keys it changes inside the transaction (say, every
 * key of a member being removed): `work` returns their hashes with its value.
 */
export async function changeFoundKeys<T>(
  deps: KeyChangeDeps,
  reason: KeyChangeReason | null,
  work: (trx: Kysely<Database>) => Promise<{ value: T; hashes: readonly string[] }>,
): Promise<T> {
  const { keyInvalidation } = deps;
  const { value, hashes } = await deps.database.db.transaction().execute(async (trx) => {
    const result = await work(trx);
    if (reason !== null && result.hashes.length > 0) {
      // Last in the transaction: on PostgreSQL it holds the events' lock until the commit.
      await insertKeyInvalidationEvents(
        trx,
        deps.database.dialect,
        result.hashes,
        reason,
        new Date(deps.clock.now()).toISOString(),
      );
    }
    if (result.hashes.length > 0) await keyInvalidation.announce?.(trx, result.hashes);
    return result;
  });
  if (hashes.length > 0) await keyInvalidation.invalidate(hashes);
  // Key changes write their webhook events in the same transaction: deliver them now.
  deps.outbox?.wake();
  return value;
}
