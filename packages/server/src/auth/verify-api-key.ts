import { API_KEY_LENGTH, parseApiKey } from '@onepin/core';
import { type DatabaseHandle, lookupApiKeyForAuthentication } from '@onepin/db';
import { sha256Hex } from './sha256.js';
import type { VerificationCache } from './verification-cache.js';
import { isUsable, toVerifiedKey, type VerifiedKey } from './verified-key.js';

export interface VerifyApiKeyDeps {
  database: DatabaseHandle;
  keyCache: VerificationCache;
}

/**
 * SHA-256 → verification cache → checksum → database (SPEC §4, §9), in two explicit steps.
 * This one answers from memory, synchronously — a cached key, nearly every request, costs no
 * promise: the key, `null` for a refusal (every kind of bad key alike), or `undefined` when
 * only the database can tell, for `verifyApiKeyInDatabase`. A token of the wrong length is
 * refused before it is even hashed, and one with a bad checksum before any database work.
 */
export function verifyApiKeyFromCache(
  presented: string,
  nowMs: number,
  keyCache: VerificationCache,
): VerifiedKey | null | undefined {
  if (presented.length !== API_KEY_LENGTH) return null;
  const cached = keyCache.get(sha256Hex(presented));
  if (cached !== undefined) return isUsable(cached, nowMs) ? cached : null;
  return parseApiKey(presented) === null ? null : undefined;
}

/**
 * The database step, for a key `verifyApiKeyFromCache` could not decide. Only keys that passed
 * the checksum and the database are ever cached, so a cache hit needs neither again.
 */
export async function verifyApiKeyInDatabase(
  presented: string,
  nowMs: number,
  deps: VerifyApiKeyDeps,
): Promise<VerifiedKey | null> {
  // Hashed again rather than carried over from the cache step: a miss costs a query anyway,
  // and a hit allocates nothing.
  const hash = sha256Hex(presented);
  const generation = deps.keyCache.generation;
  const record = await lookupApiKeyForAuthentication(deps.database, hash);
  if (record === undefined) return null;
  const key = toVerifiedKey(record);
  deps.keyCache.setIfCurrent(hash, key, generation);
  return isUsable(key, nowMs) ? key : null;
}
