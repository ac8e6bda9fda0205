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
 * SHA-256 → verification cache → checksum → database (SPEC §4, §9). Returns `null` for every
 * kind of bad key alike. Only keys that passed the checksum and the database are ever cached,
 * so a cache hit needs neither again; on a miss the checksum is checked before any database
 * work, and a token of the wrong length is refused before it is even hashed.
 *
 * A cache hit — nearly every request — answers synchronously, without a promise.
 */
export function verifyApiKey(
  presented: string,
  nowMs: number,
  deps: VerifyApiKeyDeps,
): VerifiedKey | null | Promise<VerifiedKey | null> {
  if (presented.length !== API_KEY_LENGTH) return null;
  const hash = sha256Hex(presented);
  const cached = deps.keyCache.get(hash);
  if (cached !== undefined) return isUsable(cached, nowMs) ? cached : null;
  if (parseApiKey(presented) === null) return null;
  return verifyInDatabase(hash, nowMs, deps);
}

async function verifyInDatabase(
  hash: string,
  nowMs: number,
  deps: VerifyApiKeyDeps,
): Promise<VerifiedKey | null> {
  const generation = deps.keyCache.generation;
  const record = await lookupApiKeyForAuthentication(deps.database, hash);
  if (record === undefined) return null;
  const key = toVerifiedKey(record);
  deps.keyCache.setIfCurrent(hash, key, generation);
  return isUsable(key, nowMs) ? key : null;
}
