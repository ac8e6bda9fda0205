import { parseApiKey } from '@onepin/core';
import { type DatabaseHandle, lookupApiKeyForAuthentication } from '@onepin/db';
import { sha256Hex } from './sha256.js';
import type { VerificationCache } from './verification-cache.js';
import { isUsable, toVerifiedKey, type VerifiedKey } from './verified-key.js';

export interface VerifyApiKeyDeps {
  database: DatabaseHandle;
  keyCache: VerificationCache;
}

/**
 * Checksum → SHA-256 → verification cache → database (SPEC §4, §9). Returns `null` for every
 * kind of bad key alike; a key that fails the checksum never reaches the database.
 */
export async function verifyApiKey(
  presented: string,
  nowMs: number,
  deps: VerifyApiKeyDeps,
): Promise<VerifiedKey | null> {
  if (parseApiKey(presented) === null) return null;
  const hash = sha256Hex(presented);
  let key = deps.keyCache.get(hash);
  if (key === undefined) {
    const generation = deps.keyCache.generation;
    const record = await lookupApiKeyForAuthentication(deps.database, hash);
    if (record === undefined) return null;
    key = toVerifiedKey(record);
    deps.keyCache.setIfCurrent(hash, key, generation);
  }
  return isUsable(key, nowMs) ? key : null;
}
