import { type KeyType, keyPreview, normalizeScopes, type Scope } from '@onepin/core';
import {
  type ApiKeyChanges,
  type ApiKeyRecord,
  type ApiKeyStatusFilter,
  type Database,
  findApiKeyById,
  insertApiKey,
  type Kysely,
  listApiKeys as listApiKeyRows,
  updateApiKey as updateApiKeyRow,
} from '@onepin/db';
import { ApiError, notFound } from '../api-error.js';
import type { Actor } from '../auth/principal.js';
import { toApiKeyOut } from '../schemas/api-key.js';
import { recordAudit } from './audit.js';
import { isPlausibleId } from './ids.js';
import {
  assertGrantable,
  checkedExpiry,
  checkedRateLimit,
  currentAuthority,
  type KeyAuthority,
  visibleTo,
} from './key-authority.js';
import { changeKeys } from './key-invalidation.js';
import { mintApiKey } from './key-minting.js';
import { isoNow, nextUpdatedAt, type ServiceDeps } from './service-deps.js';
import { enqueueKeyEvent } from './webhook-outbox.js';

export { authorityOf, FULL_AUTHORITY, type KeyAuthority } from './key-authority.js';

export interface CreateApiKeyInput {
  name: string;
  scopes: Scope[];
  key_type?: KeyType | undefined;
  rate_limit_per_min?: number | null | undefined;
  expires_at?: string | null | undefined;
}

export interface UpdateApiKeyInput {
  name?: string | undefined;
  scopes?: Scope[] | undefined;
  rate_limit_per_min?: number | null | undefined;
  active?: boolean | undefined;
  expires_at?: string | null | undefined;
}

export interface CreatedApiKey {
  record: ApiKeyRecord;
  /** The plaintext, to be shown exactly once. */
  plaintext: string;
}

/** Revoked, expired and rotated-out keys are final: they cannot be changed or rotated. */
function assertChangeable(record: ApiKeyRecord, nowIso: string): void {
  let state: string | null = null;
  if (record.revoked_at !== null) state = 'revoked';
  else if (record.replaced_by !== null) state = 'rotated';
  else if (record.expires_at !== null && record.expires_at <= nowIso) state = 'expired';
  if (state) throw new ApiError('CONFLICT', `This API key was ${state} and can no longer change.`);
}

async function findVisible(
  deps: ServiceDeps,
  workspaceId: string,
  authority: KeyAuthority,
  id: string,
): Promise<ApiKeyRecord> {
  const record = isPlausibleId(id)
    ? await findApiKeyById(deps.database.db, workspaceId, id)
    : undefined;
  if (record === undefined || !visibleTo(authority, record)) throw notFound('API key');
  return record;
}

/** `op_live_…AbCd`: how the activity log names a key, so same-named keys can be told apart. */
const previewOf = (record: Pick<ApiKeyRecord, 'key_prefix' | 'key_suffix'>) =>
  keyPreview(record.key_prefix, record.key_suffix);

const concurrentChange = () =>
  new ApiError('CONFLICT', 'This API key changed while the request ran; read it again and retry.');

export async function listApiKeys(
  deps: ServiceDeps,
  workspaceId: string,
  authority: KeyAuthority,
  query: { status: ApiKeyStatusFilter; limit: number; offset: number },
) {
  return listApiKeyRows(deps.database.db, {
    workspaceId,
    ...(authority.environment !== 'all' && { keyType: authority.environment }),
    now: isoNow(deps),
    ...query,
  });
}

export function getApiKey(
  deps: ServiceDeps,
  workspaceId: string,
  authority: KeyAuthority,
  id: string,
): Promise<ApiKeyRecord> {
  return findVisible(deps, workspaceId, authority, id);
}

/** How a key is made beyond its terms: its origin, and what its transaction also writes. */
export interface CreateApiKeyOptions {
  /** `device_login` for the key a device collects (see services/device-login.ts). */
  createdVia?: 'device_login';
  /** More of the story for the `api_key_created` event (never a secret). */
  auditMetadata?: Record<string, unknown>;
  /** Writes that must commit with the key or not at all (marking a device code used). */
  alsoInTransaction?: (trx: Kysely<Database>, record: ApiKeyRecord) => Promise<void>;
}

export async function createApiKey(
  deps: ServiceDeps,
  actor: Actor,
  authority: KeyAuthority,
  input: CreateApiKeyInput,
  options: CreateApiKeyOptions = {},
): Promise<CreatedApiKey> {
  const nowIso = isoNow(deps);
  const caller = await currentAuthority(deps, actor.workspaceId, authority);
  const keyType = input.key_type ?? (caller.environment === 'all' ? 'live' : caller.environment);
  const scopes = normalizeScopes(input.scopes);
  const expiresAt = checkedExpiry(caller, input.expires_at, nowIso);
  const rateLimit = checkedRateLimit(caller, input.rate_limit_per_min);
  const secret = mintApiKey(caller, {
    keyType,
    scopes,
    expiresAt,
    rateLimitPerMin: rateLimit,
  });

  const id = deps.newId();
  const record: ApiKeyRecord = {
    id,
    workspace_id: actor.workspaceId,
    created_by: actor.userId,
    name: input.name,
    key_type: keyType,
    key_hash: secret.keyHash,
    key_prefix: secret.keyPrefix,
    key_suffix: secret.keySuffix,
    scopes,
    active: true,
    rate_limit_per_min: rateLimit,
    expires_at: expiresAt,
    revoked_at: null,
    last_used_at: null,
    rotated_from: null,
    replaced_by: null,
    lineage_id: id,
    created_via: options.createdVia ?? null,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await insertApiKey(trx, record);
    await options.alsoInTransaction?.(trx, record);
    await recordAudit(trx, { newId: deps.newId, now: nowIso }, actor, {
      action: 'api_key_created',
      environment: keyType,
      target: { type: 'api_key', id: record.id },
      metadata: {
        name: record.name,
        preview: previewOf(record),
        scopes,
        key_type: keyType,
        expires_at: expiresAt,
        ...(options.createdVia && { created_via: options.createdVia }),
        ...options.auditMetadata,
      },
    });
    await enqueueKeyEvent(
      trx,
      { newId: deps.newId, now: nowIso },
      'api_key.created',
      record,
      actor,
    );
  });
  deps.outbox?.wake();
  return { record: { ...record, leak: null }, plaintext: secret.plaintext };
}

export async function updateApiKey(
  deps: ServiceDeps,
  actor: Actor,
  authority: KeyAuthority,
  id: string,
  input: UpdateApiKeyInput,
): Promise<ApiKeyRecord> {
  const nowMs = deps.clock.now();
  const nowIso = new Date(nowMs).toISOString();
  const caller = await currentAuthority(deps, actor.workspaceId, authority);
  const current = await findVisible(deps, actor.workspaceId, caller, id);
  assertChangeable(current, nowIso);
  assertGrantable(caller, current.scopes);
  const changes: ApiKeyChanges = { updated_at: nextUpdatedAt(current.updated_at, nowMs) };
  if (input.name !== undefined) changes.name = input.name;
  if (input.scopes !== undefined) {
    changes.scopes = normalizeScopes(input.scopes);
    assertGrantable(caller, changes.scopes);
  }
  if (input.rate_limit_per_min !== undefined) {
    if (caller.callerKeyId === id && input.rate_limit_per_min !== current.rate_limit_per_min) {
      throw new ApiError('FORBIDDEN', 'An API key cannot change its own rate limit.');
    }
    changes.rate_limit_per_min = checkedRateLimit(caller, input.rate_limit_per_min);
  }
  if (input.active !== undefined) {
    if (input.active && !current.active && !caller.mayReactivate) {
      throw new ApiError(
        'FORBIDDEN',
        'Only a workspace admin, signed in to the dashboard, can turn a deactivated key back on.',
      );
    }
    changes.active = input.active;
  }
  if (input.expires_at !== undefined)
    changes.expires_at = checkedExpiry(caller, input.expires_at, nowIso);

  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of ['name', 'scopes', 'rate_limit_per_min', 'active', 'expires_at'] as const) {
    if (field in changes && JSON.stringify(changes[field]) !== JSON.stringify(current[field])) {
      diff[field] = { from: current[field], to: changes[field] };
    }
  }
  return changeKeys(deps, 'updated', [current.key_hash], async (trx) => {
    const row = await updateApiKeyRow(trx, actor.workspaceId, id, changes, current.updated_at);
    if (row === undefined) throw concurrentChange();
    await recordAudit(trx, { newId: deps.newId, now: nowIso }, actor, {
      action: 'api_key_updated',
      environment: current.key_type,
      target: { type: 'api_key', id },
      metadata: { name: row.name, preview: previewOf(row), changes: diff },
    });
    if (Object.keys(diff).length > 0) {
      await enqueueKeyEvent(
        trx,
        { newId: deps.newId, now: nowIso },
        'api_key.updated',
        row,
        actor,
        {
          changes: diff,
        },
      );
    }
    return row;
  });
}

/** Revokes a key (soft: the row stays for the audit trail). Revoking twice is harmless. */
export async function revokeApiKey(
  deps: ServiceDeps,
  actor: Actor,
  authority: KeyAuthority,
  id: string,
): Promise<ApiKeyRecord> {
  const nowMs = deps.clock.now();
  const caller = await currentAuthority(deps, actor.workspaceId, authority);
  const current = await findVisible(deps, actor.workspaceId, caller, id);
  assertGrantable(caller, current.scopes);
  if (current.revoked_at !== null) return current;
  return changeKeys(deps, 'revoked', [current.key_hash], (trx) =>
    revokeInTransaction(trx, deps, actor, current, nowMs),
  );
}

/**
 * The revocation itself, inside the caller's transaction (which must make the nodes forget
 * the key: `changeKeys`): the row and its audit event, with `reason` when something other
 * than a direct revoke caused it (e.g. `member_removed`).
 */
export async function revokeInTransaction(
  trx: Kysely<Database>,
  deps: Pick<ServiceDeps, 'newId'>,
  actor: Actor,
  current: ApiKeyRecord,
  nowMs: number,
  reason?: string,
): Promise<ApiKeyRecord> {
  const nowIso = new Date(nowMs).toISOString();
  const row = await updateApiKeyRow(
    trx,
    current.workspace_id,
    current.id,
    { revoked_at: nowIso, active: false, updated_at: nextUpdatedAt(current.updated_at, nowMs) },
    current.updated_at,
  );
  if (row === undefined) throw concurrentChange();
  await recordAudit(trx, { newId: deps.newId, now: nowIso }, actor, {
    action: 'api_key_revoked',
    environment: current.key_type,
    target: { type: 'api_key', id: current.id },
    metadata: {
      name: current.name,
      preview: previewOf(current),
      ...(reason !== undefined && { reason }),
    },
  });
  await enqueueKeyEvent(trx, { newId: deps.newId, now: nowIso }, 'api_key.revoked', row, actor, {
    reason: reason ?? 'revoked',
  });
  return row;
}

export interface RotatedApiKey {
  oldKey: ApiKeyRecord;
  newKey: CreatedApiKey;
}

/**
 * Replaces a key with a new secret and the same settings (name, scopes, type, rate limit,
 * expiry, active flag and lineage, so the rate-limit count carries over). The old key stops
 * now, or keeps working for `graceSeconds` (never past its own expiry) so deployments can
 * switch over. The new key is minted under the caller's authority like any other: a caller
 * that could not create a key with these settings cannot rotate it either (403).
 */
export async function rotateApiKey(
  deps: ServiceDeps,
  actor: Actor,
  authority: KeyAuthority,
  id: string,
  graceSeconds: number,
): Promise<RotatedApiKey> {
  const nowMs = deps.clock.now();
  const nowIso = new Date(nowMs).toISOString();
  const caller = await currentAuthority(deps, actor.workspaceId, authority);
  const current = await findVisible(deps, actor.workspaceId, caller, id);
  assertChangeable(current, nowIso);
  const secret = mintApiKey(caller, {
    keyType: current.key_type,
    scopes: current.scopes,
    expiresAt: current.expires_at,
    rateLimitPerMin: current.rate_limit_per_min,
  });

  const fresh: ApiKeyRecord = {
    ...current,
    id: deps.newId(),
    created_by: actor.userId ?? current.created_by,
    key_hash: secret.keyHash,
    key_prefix: secret.keyPrefix,
    key_suffix: secret.keySuffix,
    last_used_at: null,
    revoked_at: null,
    rotated_from: current.id,
    replaced_by: null,
    lineage_id: current.lineage_id ?? current.id,
    // The new secret goes to whoever rotated, not to the device that logged in with the old
    // one: it is no longer the device's to revoke at logout.
    created_via: null,
    created_at: nowIso,
    updated_at: nowIso,
    leak: null,
  };
  const graceEnd = new Date(nowMs + graceSeconds * 1000).toISOString();
  const oldChanges: ApiKeyChanges =
    graceSeconds === 0
      ? {
          revoked_at: nowIso,
          active: false,
          replaced_by: fresh.id,
          updated_at: nextUpdatedAt(current.updated_at, nowMs),
        }
      : {
          expires_at:
            current.expires_at !== null && current.expires_at < graceEnd
              ? current.expires_at
              : graceEnd,
          replaced_by: fresh.id,
          updated_at: nextUpdatedAt(current.updated_at, nowMs),
        };

  const oldKey = await changeKeys(deps, 'rotated', [current.key_hash], async (trx) => {
    const row = await updateApiKeyRow(trx, actor.workspaceId, id, oldChanges, current.updated_at);
    if (row === undefined) throw concurrentChange();
    await insertApiKey(trx, fresh);
    await recordAudit(trx, { newId: deps.newId, now: nowIso }, actor, {
      action: 'api_key_rotated',
      environment: current.key_type,
      target: { type: 'api_key', id },
      metadata: {
        name: current.name,
        preview: previewOf(current),
        new_key_id: fresh.id,
        new_preview: previewOf(fresh),
        grace_period_seconds: graceSeconds,
        old_key_ends_at: graceSeconds === 0 ? nowIso : row.expires_at,
      },
    });
    await enqueueKeyEvent(trx, { newId: deps.newId, now: nowIso }, 'api_key.rotated', row, actor, {
      new_api_key: toApiKeyOut(fresh, nowMs),
      grace_period_seconds: graceSeconds,
    });
    return row;
  });
  return { oldKey, newKey: { record: fresh, plaintext: secret.plaintext } };
}
