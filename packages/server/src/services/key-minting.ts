import { generateApiKey, type KeyType, keyDisplayParts } from '@onepin/core';
import { ApiError } from '../api-error.js';
import { sha256Hex } from '../auth/sha256.js';
import {
  assertGrantable,
  assertSameEnvironment,
  type CurrentAuthority,
  effectiveRateLimit,
} from './key-authority.js';

/** What a new key will be able to do: everything the authority check compares. */
export interface KeyTerms {
  keyType: KeyType;
  scopes: readonly string[];
  expiresAt: string | null;
  rateLimitPerMin: number | null;
}

/** A new key's secret and the forms of it that are stored. */
export interface MintedSecret {
  /** To be shown exactly once. */
  plaintext: string;
  keyHash: string;
  keyPrefix: string;
  keySuffix: string;
}

/**
 * The only way the server makes a key's secret (a test fails if another module calls
 * `generateApiKey`): create, rotate, the admin commands and any future path that hands out a
 * plaintext come through here, and here the new key's terms are checked against the caller's
 * current authority — scopes it holds, the same key type, an expiry no later than its own, a
 * rate limit no higher than its own. The unbounded authorities (admin sessions, admin
 * commands) pass the same checks with every bound open.
 */
export function mintApiKey(authority: CurrentAuthority, terms: KeyTerms): MintedSecret {
  assertSameEnvironment(authority, terms.keyType);
  assertGrantable(authority, terms.scopes);
  const latest = authority.latestExpiry;
  if (latest !== null && (terms.expiresAt === null || terms.expiresAt > latest)) {
    throw new ApiError(
      'FORBIDDEN',
      `This API key cannot make a key that outlives it: the new key would expire ${terms.expiresAt === null ? 'never' : `at ${terms.expiresAt}`}, this key at ${latest}. Shorten the key's expiry first, or use a longer-lived key or an admin session.`,
    );
  }
  const bound = authority.rateLimit;
  if (bound !== null && effectiveRateLimit(terms.rateLimitPerMin, bound) > bound.max) {
    throw new ApiError(
      'FORBIDDEN',
      `This API key cannot make a key with a higher rate limit than its own (${bound.max} per minute): the new key would allow ${effectiveRateLimit(terms.rateLimitPerMin, bound)}. Lower the key's limit first, or use an admin session.`,
    );
  }
  const plaintext = generateApiKey(terms.keyType);
  const shown = keyDisplayParts(plaintext);
  return {
    plaintext,
    keyHash: sha256Hex(plaintext),
    keyPrefix: shown.prefix,
    keySuffix: shown.suffix,
  };
}
