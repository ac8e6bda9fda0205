import { findApiKeysForAuthenticationByIds } from '@onepin/db';
import type { RateLimitDecision } from '../auth/rate-limiter.js';
import { isUsable, toVerifiedKey, type VerifiedKey } from '../auth/verified-key.js';
import { verifyCachedApiKey, verifyUncachedApiKey } from '../auth/verify-api-key.js';
import type { AppDeps } from '../deps.js';
import { isPlausibleId } from './ids.js';

/** What the verify API needs of the app: the same path as the server's own authentication. */
export type VerifyDeps = Pick<
  AppDeps,
  'database' | 'keyCache' | 'rateLimiter' | 'usage' | 'rateLimitEvents' | 'settings' | 'scopes'
>;

export type VerifyCode =
  | 'VALID'
  | 'INVALID'
  | 'INSUFFICIENT_SCOPE'
  | 'WORKSPACE_MISMATCH'
  | 'RATE_LIMITED';

export interface VerifyRequest {
  key: string;
  scopes?: readonly string[] | undefined;
  workspace_id?: string | undefined;
}

export interface VerifiedKeyView {
  readonly id: string;
  readonly name: string;
  readonly workspace_id: string;
  readonly workspace_name: string;
  readonly key_type: VerifiedKey['keyType'];
  readonly scopes: readonly string[];
  readonly expires_at: string | null;
}

export interface VerifyRateLimitView {
  limit: number;
  remaining: number;
  /** Epoch seconds. */
  reset: number;
}

export interface VerifyResult {
  valid: boolean;
  code: VerifyCode;
  missing_scopes: readonly string[];
  key: VerifiedKeyView | null;
  rate_limit: VerifyRateLimitView | null;
}

const NONE: readonly string[] = Object.freeze([]);

/** Every bad key gets this, whatever was wrong with it: nothing more is said. */
const INVALID: VerifyResult = Object.freeze({
  valid: false,
  code: 'INVALID',
  missing_scopes: NONE,
  key: null,
  rate_limit: null,
});

// One view per verified key, made on first use: a cached key's verification allocates only its
// answer (as authentication makes one principal per key).
const views = new WeakMap<VerifiedKey, VerifiedKeyView>();

function viewOf(key: VerifiedKey): VerifiedKeyView {
  let view = views.get(key);
  if (view === undefined) {
    view = Object.freeze({
      id: key.id,
      name: key.name,
      workspace_id: key.workspaceId,
      workspace_name: key.workspaceName,
      key_type: key.keyType,
      // What the key grants today: a scope gone from the catalogue grants nothing here either,
      // and remote verifiers decide their cache hits from this list.
      scopes: key.grantedScopes,
      expires_at: key.expiresAt,
    });
    views.set(key, view);
  }
  return view;
}

function rateLimitView(decision: RateLimitDecision): VerifyRateLimitView {
  return {
    limit: decision.limit,
    remaining: decision.remaining,
    reset: Math.ceil(decision.resetAtMs / 1000),
  };
}

/**
 * Key ids the verify API has seen, with their hashes, so a usage report (which names keys by
 * id) finds them in the verification cache without a query. Bounded: dropped whole when full.
 */
const MAX_INDEXED = 100_000;
const hashesById = new WeakMap<VerifyDeps['keyCache'], Map<string, string>>();

function hashIndex(deps: VerifyDeps): Map<string, string> {
  let index = hashesById.get(deps.keyCache);
  if (index === undefined) {
    index = new Map();
    hashesById.set(deps.keyCache, index);
  }
  return index;
}

function remember(deps: VerifyDeps, key: VerifiedKey, hash: string): void {
  const index = hashIndex(deps);
  if (index.get(key.id) === hash) return;
  if (index.size >= MAX_INDEXED) index.clear();
  index.set(key.id, hash);
}

/**
 * One verification (`POST /api/v1/keys/verify`), through the server's own authentication path:
 * the length, SHA-256 and the verification cache, then the checksum and the database for a key
 * not cached. In order: `INVALID` (any bad key) → the key's lineage rate limit is consumed →
 * `RATE_LIMITED` → `WORKSPACE_MISMATCH` → `INSUFFICIENT_SCOPE` → `VALID`. A cached key costs
 * no query. Last use is recorded as for the key's own requests, and the verification is
 * counted in the per-key hourly counters (written with the usage flush, never a row each).
 */
export async function verifyKey(
  deps: VerifyDeps,
  request: VerifyRequest,
  nowMs: number,
): Promise<VerifyResult> {
  const presented = request.key;
  const cached = verifyCachedApiKey(presented, nowMs, deps.keyCache);
  let key: VerifiedKey | null;
  if (typeof cached === 'string') {
    key = await verifyUncachedApiKey(presented, cached, nowMs, deps);
    if (key !== null) remember(deps, key, cached);
  } else {
    key = cached;
  }
  if (key === null) return INVALID;

  const limit = key.rateLimitPerMin ?? deps.settings.defaultRateLimitPerMin;
  const decision = deps.rateLimiter.synchronous
    ? deps.rateLimiter.consume(key.lineageId, limit, nowMs)
    : await deps.rateLimiter.consume(key.lineageId, limit, nowMs);
  deps.usage.countVerifications(key.id, nowMs);
  const view = viewOf(key);
  const rate_limit = rateLimitView(decision);
  if (!decision.allowed) {
    // As for the key's own 429s: `api_key.rate_limited`, at most once per key per minute.
    deps.rateLimitEvents.announce(key, limit, nowMs);
    return { valid: false, code: 'RATE_LIMITED', missing_scopes: NONE, key: view, rate_limit };
  }
  deps.usage.record(key.id, nowMs);
  if (request.workspace_id !== undefined && request.workspace_id !== key.workspaceId) {
    return {
      valid: false,
      code: 'WORKSPACE_MISMATCH',
      missing_scopes: NONE,
      key: view,
      rate_limit,
    };
  }
  const requested = request.scopes;
  if (requested !== undefined && requested.length > 0) {
    const granted: readonly string[] = key.grantedScopes;
    let missing: string[] | undefined;
    for (const scope of requested) {
      if (granted.includes(scope) || missing?.includes(scope)) continue;
      missing ??= [];
      missing.push(scope);
    }
    if (missing !== undefined) {
      return {
        valid: false,
        code: 'INSUFFICIENT_SCOPE',
        missing_scopes: missing,
        key: view,
        rate_limit,
      };
    }
  }
  return { valid: true, code: 'VALID', missing_scopes: NONE, key: view, rate_limit };
}

/** `POST /api/v1/keys/verify/batch`: each in order (a key twice counts twice). */
export async function verifyKeys(
  deps: VerifyDeps,
  requests: readonly VerifyRequest[],
  nowMs: number,
): Promise<VerifyResult[]> {
  const results: VerifyResult[] = [];
  for (const request of requests) results.push(await verifyKey(deps, request, nowMs));
  return results;
}

export interface UsageEntry {
  key_id: string;
  count: number;
}

export interface UsageResult {
  key_id: string;
  valid: boolean;
  rate_limit: VerifyRateLimitView | null;
}

/**
 * `POST /api/v1/keys/verify/usage`: a remote verifier's local counts. Each `count` is consumed
 * from the key's lineage rate limit (what is left floors at 0), recorded as last use and in
 * the hourly counters. A key that is no longer usable (or unknown) answers `valid: false`, so
 * the verifier drops it. Keys are found in the verification cache (by the hash of a key this
 * API verified), else read in one query.
 */
export async function reportUsage(
  deps: VerifyDeps,
  entries: readonly UsageEntry[],
  nowMs: number,
): Promise<UsageResult[]> {
  const index = hashIndex(deps);
  const keys = new Map<string, VerifiedKey | null>();
  const unknown: string[] = [];
  for (const { key_id } of entries) {
    if (keys.has(key_id)) continue;
    const hash = index.get(key_id);
    const cached = hash === undefined ? undefined : deps.keyCache.get(hash);
    if (cached !== undefined) keys.set(key_id, cached);
    else if (isPlausibleId(key_id)) unknown.push(key_id);
    else keys.set(key_id, null);
  }
  if (unknown.length > 0) {
    const generation = deps.keyCache.generation;
    const rows = await findApiKeysForAuthenticationByIds(deps.database.db, unknown);
    for (const { key_hash, ...row } of rows) {
      const key = toVerifiedKey(row, deps.scopes);
      deps.keyCache.setIfCurrent(key_hash, key, generation);
      remember(deps, key, key_hash);
      keys.set(key.id, key);
    }
  }
  const results: UsageResult[] = [];
  for (const { key_id, count } of entries) {
    const key = keys.get(key_id) ?? null;
    if (key === null || !isUsable(key, nowMs)) {
      results.push({ key_id, valid: false, rate_limit: null });
      continue;
    }
    const limit = key.rateLimitPerMin ?? deps.settings.defaultRateLimitPerMin;
    const decision = deps.rateLimiter.synchronous
      ? deps.rateLimiter.consume(key.lineageId, limit, nowMs, count)
      : await deps.rateLimiter.consume(key.lineageId, limit, nowMs, count);
    deps.usage.record(key.id, nowMs);
    deps.usage.countVerifications(key.id, nowMs, count);
    if (!decision.allowed) deps.rateLimitEvents.announce(key, limit, nowMs);
    results.push({ key_id, valid: true, rate_limit: rateLimitView(decision) });
  }
  return results;
}
