import {
  type ErrorDetail,
  type KeyType,
  missingScopes,
  type Role,
  type ScopeCatalogue,
  unprovidedScopeReason,
} from '@onepin/core';
import { type ApiKeyRecord, findApiKeyById, findMember, type MemberRecord } from '@onepin/db';
import { ApiError, invalidApiKey } from '../api-error.js';
import type { Principal } from '../auth/principal.js';
import { describeInput } from '../schemas/common.js';
import type { ServiceDeps } from './service-deps.js';

/** The bound on the rate limits a caller may give keys; `null` = server default on either side. */
export interface RateLimitBound {
  /** The caller's own limit per minute: no key it makes or changes may get more. */
  max: number;
  /** What a key without its own limit (`null`) is allowed, to compare it with `max`. */
  serverDefault: number;
}

/**
 * What a caller may do with keys (SPEC §3, §8; README → Security): the scopes it may grant,
 * the environment whose keys it sees, the latest expiry and the highest rate limit it may
 * give a key, and whether it may turn a deactivated key back on. An API key never gets more
 * than itself. Admin sessions and the server's admin commands hold `FULL_AUTHORITY`: every
 * bound open, checked by the same functions.
 */
export interface KeyAuthority {
  /** The calling key's id; `null` for the unbounded authorities. */
  callerKeyId: string | null;
  /** The scopes it may put in keys: those it holds that the catalogue has; `all` for every
   * scope of the catalogue. */
  grantable: readonly string[] | 'all';
  environment: KeyType | 'all';
  /** Keys made or changed by this caller expire no later than this; null for no bound. */
  latestExpiry: string | null;
  rateLimit: RateLimitBound | null;
  /** Only admin sessions and the admin commands may re-activate a deactivated key. */
  mayReactivate: boolean;
}

declare const current: unique symbol;

/**
 * An authority read from the database at the moment of a key-management write (see
 * `currentAuthority`). Minting a key takes only this type, so no path can mint from a
 * cached copy of the calling key.
 */
export type CurrentAuthority = KeyAuthority & { readonly [current]: true };

export const FULL_AUTHORITY = Object.freeze({
  callerKeyId: null,
  grantable: 'all',
  environment: 'all',
  latestExpiry: null,
  rateLimit: null,
  mayReactivate: true,
}) as CurrentAuthority;

function keyAuthority(
  key: {
    id: string;
    /** Granted scopes only (`ScopeCatalogue.granted`): a scope removed from the catalogue
     * grants nothing, not even the right to hand it on. */
    grantedScopes: readonly string[];
    keyType: KeyType;
    expiresAt: string | null;
    rateLimitPerMin: number | null;
  },
  serverDefault: number,
): KeyAuthority {
  return {
    callerKeyId: key.id,
    grantable: key.grantedScopes,
    environment: key.keyType,
    latestExpiry: key.expiresAt,
    rateLimit: { max: key.rateLimitPerMin ?? serverDefault, serverDefault },
    mayReactivate: false,
  };
}

/** The authority of the principal of a request; reads may use it as it is. */
export function authorityOf(
  principal: Principal,
  settings: { defaultRateLimitPerMin: number },
): KeyAuthority {
  // Only admins reach the key-writing routes with a session (api_keys:write is theirs alone).
  if (principal.kind !== 'api_key') return FULL_AUTHORITY;
  return keyAuthority(principal.key, settings.defaultRateLimitPerMin);
}

/**
 * The caller's authority as the database has it now. Every key-management write (create,
 * update, rotate, revoke) starts here: the calling key is read again, so a key rotated out,
 * narrowed or revoked a moment ago on another node cannot act on the strength of a cached
 * copy. A rotated-out key still authenticates during its grace period, but manages no keys.
 */
export async function currentAuthority(
  deps: ServiceDeps,
  workspaceId: string,
  authority: KeyAuthority,
): Promise<CurrentAuthority> {
  if (authority.callerKeyId === null) return authority as CurrentAuthority;
  const caller = await findApiKeyById(deps.database.db, workspaceId, authority.callerKeyId);
  const nowIso = new Date(deps.clock.now()).toISOString();
  if (caller === undefined || !usableAt(caller, nowIso)) throw invalidApiKey();
  if (caller.replaced_by !== null) {
    throw new ApiError(
      'FORBIDDEN',
      'This API key was rotated out: it works until its grace period ends, but can no longer create, change, rotate or revoke keys.',
    );
  }
  if (authority.rateLimit === null) throw new Error('an API key authority has a rate-limit bound');
  const serverDefault = authority.rateLimit.serverDefault;
  return keyAuthority(
    {
      id: caller.id,
      grantedScopes: deps.scopes.granted(caller.scopes),
      keyType: caller.key_type,
      expiresAt: caller.expires_at,
      rateLimitPerMin: caller.rate_limit_per_min,
    },
    serverDefault,
  ) as CurrentAuthority;
}

/**
 * What a member may put in a key through their role (device login, where the member approves
 * a key for their own device): exactly the role's scopes, in either environment, with no
 * bound on expiry or rate limit beyond the key's own terms.
 */
export function roleAuthority(role: Role, scopes: ScopeCatalogue): KeyAuthority {
  return {
    callerKeyId: null,
    grantable: scopes.roleScopes(role),
    environment: 'all',
    latestExpiry: null,
    rateLimit: null,
    mayReactivate: false,
  };
}

/**
 * A member's role authority in a workspace as the database has it now, or `null` when they
 * no longer belong to it: a key minted on a member's say-so is bounded by the role they hold
 * when it is minted, not the one they held when they said so.
 */
export async function currentMemberAuthority(
  deps: ServiceDeps,
  workspaceId: string,
  userId: string,
): Promise<{ member: MemberRecord; authority: CurrentAuthority } | null> {
  const member = await findMember(deps.database.db, workspaceId, userId);
  return member
    ? { member, authority: roleAuthority(member.role, deps.scopes) as CurrentAuthority }
    : null;
}

function usableAt(record: ApiKeyRecord, nowIso: string): boolean {
  return (
    record.active &&
    record.revoked_at === null &&
    (record.expires_at === null || record.expires_at > nowIso)
  );
}

export function visibleTo(authority: KeyAuthority, record: { key_type: KeyType }): boolean {
  return authority.environment === 'all' || authority.environment === record.key_type;
}

/**
 * 422 naming each scope of `scopes` that the catalogue does not have (and the catalogue's),
 * except those in `kept`: the key's own, which stay on it after leaving the catalogue.
 */
export function assertKnownScopes(
  catalogue: ScopeCatalogue,
  scopes: readonly unknown[],
  kept: readonly string[] = [],
): void {
  const details: ErrorDetail[] = [];
  scopes.forEach((scope, index) => {
    if (typeof scope === 'string' && (catalogue.has(scope) || kept.includes(scope))) return;
    const unprovided = typeof scope === 'string' ? unprovidedScopeReason(scope) : null;
    details.push({
      field: `scopes.${index}`,
      message: `${unprovided ?? `unknown scope ${describeInput(scope)}`}; valid scopes: ${catalogue.names.join(', ')}`,
    });
  });
  if (details.length > 0) {
    throw new ApiError('VALIDATION_ERROR', 'The request is not valid.', { details });
  }
}

/** The subset rule (SPEC §3): 403 naming the scopes the caller does not hold. */
export function assertGrantable(authority: KeyAuthority, scopes: readonly string[]): void {
  if (authority.grantable === 'all') return;
  const missing = missingScopes(authority.grantable, scopes);
  if (missing.length > 0) {
    throw new ApiError(
      'INSUFFICIENT_SCOPE',
      `This API key cannot manage keys with scopes it does not hold: ${missing.join(', ')}.`,
      { details: missing.map((scope) => ({ field: 'scopes', message: scope })) },
    );
  }
}

/** A live key manages live keys only, a test key test keys only. */
export function assertSameEnvironment(authority: KeyAuthority, keyType: KeyType): void {
  if (authority.environment !== 'all' && keyType !== authority.environment) {
    throw new ApiError(
      'FORBIDDEN',
      `A ${authority.environment} key can only manage ${authority.environment} keys.`,
    );
  }
}

/** What a limit of `limit` (null = the server default) allows per minute. */
export function effectiveRateLimit(limit: number | null, bound: RateLimitBound): number {
  return limit ?? bound.serverDefault;
}

/**
 * The rate limit a caller may give a key: what it asked for, at most its own (422 naming the
 * field). No limit (omitted or null) means the server default, or the caller's own limit when
 * that is lower — like an omitted expiry, which becomes the caller's own.
 */
export function checkedRateLimit(
  authority: KeyAuthority,
  requested: number | null | undefined,
): number | null {
  const bound = authority.rateLimit;
  if (bound === null) return requested ?? null;
  if (requested === undefined || requested === null) {
    return bound.serverDefault <= bound.max ? null : bound.max;
  }
  if (requested > bound.max) {
    throw new ApiError('VALIDATION_ERROR', undefined, {
      details: [
        {
          field: 'rate_limit_per_min',
          message: `must not be more than this API key's own limit (${bound.max} per minute)`,
        },
      ],
    });
  }
  return requested;
}

/** The expiry a caller may set: in the future, and no later than the caller's own. */
export function checkedExpiry(
  authority: KeyAuthority,
  requested: string | null | undefined,
  nowIso: string,
): string | null {
  const latest = authority.latestExpiry;
  if (requested === undefined || requested === null) return latest;
  const problems: ErrorDetail[] = [];
  if (requested <= nowIso) problems.push({ field: 'expires_at', message: 'must be in the future' });
  if (latest !== null && requested > latest) {
    problems.push({
      field: 'expires_at',
      message: `must not be later than this API key's own expiry (${latest})`,
    });
  }
  if (problems.length > 0) throw new ApiError('VALIDATION_ERROR', undefined, { details: problems });
  return requested;
}
