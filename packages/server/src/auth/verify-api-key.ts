import { API_KEY_LENGTH, parseApiKey, type ScopeCatalogue } from '@onepin/core';
import { type DatabaseHandle, lookupApiKeyForAuthentication } from '@onepin/db';
import { sha256Hex } from './sha256.js';
import type { VerificationCache } from './verification-cache.js';
import { isUsable, toVerifiedKey, type VerifiedKey } from './verified-key.js';

export interface VerifyApiKeyDeps {
  database: DatabaseHandle;
  keyCache: VerificationCache;
  scopes: ScopeCatalogue;
}

/**
 * The first half of SHA-256 → verification cache → checksum → database (SPEC §4, §9): what
 * the cache alone can tell. A usable cached key (nearly every request) is answered here,
 * synchronously and without allocating; `null` is a bad key the database need not see (a
 * token of the wrong length, refused before it is even hashed, or a cached key that is no
 * longer usable). Otherwise the answer is the token's SHA-256, for `verifyUncachedApiKey`:
 * only the database can tell, and the caller decides first whether it may be asked (the
 * failed-authentication throttle refuses such lookups, never cached keys).
 */
export function verifyCachedApiKey(
  presented: string,
  nowMs: number,
  cache: VerificationCache,
): VerifiedKey | null | string {
  if (presented.length !== API_KEY_LENGTH) return null;
  const hash = sha256Hex(presented);
  const cached = cache.get(hash);
  if (cached === undefined) return hash;
  return isUsable(cached, nowMs) ? cached : null;
}

/**
 * The second half, for a token the cache did not hold (`hash` from `verifyCachedApiKey`): the
 * checksum before any database work, then the database. Returns `null` for every kind of bad
 * key alike. Only keys that passed both are cached, so a cache hit needs neither again.
 */
export async function verifyUncachedApiKey(
  presented: string,
  hash: string,
  nowMs: number,
  deps: VerifyApiKeyDeps,
): Promise<VerifiedKey | null> {
  if (parseApiKey(presented) === null) return null;
  const generation = deps.keyCache.generation;
  const record = await lookupApiKeyForAuthentication(deps.database, hash);
  if (record === undefined) return null;
  const key = toVerifiedKey(record, deps.scopes);
  deps.keyCache.setIfCurrent(hash, key, generation);
  return isUsable(key, nowMs) ? key : null;
}
