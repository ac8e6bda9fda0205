import type { KeyType, ScopeCatalogue } from '@onepin/core';
import type { ApiKeyForAuthentication } from '@onepin/db';

/** What authentication keeps of a key in memory: no secret, only what each request checks. */
export interface VerifiedKey {
  readonly id: string;
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly name: string;
  readonly keyType: KeyType;
  /** The scopes stored on the key, known or not (what its views show). */
  readonly scopes: readonly string[];
  /** Those of `scopes` the catalogue has: all the key may do. Computed once, when the key is
   * loaded, so a cached key's requests compute nothing. */
  readonly grantedScopes: readonly string[];
  readonly createdBy: string | null;
  /** The person the key acts for: its creator, else its workspace's creator (a key made by
   * `onepin-server admin create-key` has no creator); null only when neither is known. */
  readonly actingUserId: string | null;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  /** `expiresAt` as epoch ms, `Infinity` when the key never expires. */
  readonly expiresAtMs: number;
  /** Active and not revoked; expiry is checked separately against the clock. */
  readonly enabled: boolean;
  readonly rateLimitPerMin: number | null;
  /** The rate-limit bucket: shared by a key and every key rotated from it (its lineage), so
   * rotating cannot reset a spent budget. */
  readonly lineageId: string;
}

export function toVerifiedKey(
  record: ApiKeyForAuthentication,
  catalogue: ScopeCatalogue,
): VerifiedKey {
  return Object.freeze({
    id: record.id,
    workspaceId: record.workspace_id,
    workspaceName: record.workspace_name,
    name: record.name,
    keyType: record.key_type,
    scopes: Object.freeze([...record.scopes]),
    grantedScopes: catalogue.granted(record.scopes),
    createdBy: record.created_by,
    actingUserId: record.created_by ?? record.workspace_created_by,
    createdAt: record.created_at,
    expiresAt: record.expires_at,
    expiresAtMs: record.expires_at ? Date.parse(record.expires_at) : Number.POSITIVE_INFINITY,
    enabled: record.active && record.revoked_at === null,
    rateLimitPerMin: record.rate_limit_per_min,
    lineageId: record.lineage_id,
  });
}

/** Whether the key may be used at `nowMs`. */
export function isUsable(key: VerifiedKey, nowMs: number): boolean {
  return key.enabled && nowMs < key.expiresAtMs;
}
