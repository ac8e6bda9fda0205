import {
  type ErrorDetail,
  generateApiKey,
  type KeyType,
  keyDisplayParts,
  missingScopes,
  normalizeScopes,
  type Scope,
} from '@onepin/core';
import {
  type ApiKeyChanges,
  type ApiKeyRecord,
  type ApiKeyStatusFilter,
  findApiKeyById,
  insertApiKey,
  listApiKeys as listApiKeyRows,
  updateApiKey as updateApiKeyRow,
} from '@onepin/db';
import { ApiError, notFound } from '../api-error.js';
import type { Actor, Principal } from '../auth/principal.js';
import { sha256Hex } from '../auth/sha256.js';
import { recordAudit } from './audit.js';
import { isPlausibleId } from './ids.js';
import { changeKeys } from './key-invalidation.js';
import { isoNow, nextUpdatedAt, type ServiceDeps } from './service-deps.js';

/**
 * What a caller may do with keys (SPEC §3, §8): the scopes it may grant, the environment
 * whose keys it sees, and the latest expiry it may give a key. Admin sessions and the admin
 * commands may do everything; an API key never more than itself.
 */
export interface KeyAuthority {
  grantable: readonly Scope[] | 'all';
  environment: KeyType | 'all';
  /** Keys made or changed by this caller expire no later than this; null for no bound. */
  latestExpiry: string | null;
}

export const FULL_AUTHORITY: KeyAuthority = {
  grantable: 'all',
  environment: 'all',
  latestExpiry: null,
};

export function authorityOf(principal: Principal): KeyAuthority {
  if (principal.kind !== 'api_key') return FULL_AUTHORITY;
  return {
    grantable: principal.scopes,
    environment: principal.environment,
    latestExpiry: principal.key.expiresAt,
  };
}

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

function assertGrantable(authority: KeyAuthority, scopes: readonly Scope[]): void {
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

function visibleTo(authority: KeyAuthority, record: ApiKeyRecord): boolean {
  return authority.environment === 'all' || authority.environment === record.key_type;
}

/** The expiry a caller may set: in the future, and no later than the caller's own. */
function checkedExpiry(
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

export async function createApiKey(
  deps: ServiceDeps,
  actor: Actor,
  authority: KeyAuthority,
  input: CreateApiKeyInput,
): Promise<CreatedApiKey> {
  const nowIso = isoNow(deps);
  const keyType =
    input.key_type ?? (authority.environment === 'all' ? 'live' : authority.environment);
  if (authority.environment !== 'all' && keyType !== authority.environment) {
    throw new ApiError(
      'FORBIDDEN',
      `A ${authority.environment} key can only manage ${authority.environment} keys.`,
    );
  }
  const scopes = normalizeScopes(input.scopes);
  assertGrantable(authority, scopes);
  const expiresAt = checkedExpiry(authority, input.expires_at, nowIso);

  const plaintext = generateApiKey(keyType);
  const record: ApiKeyRecord = {
    id: deps.newId(),
    workspace_id: actor.workspaceId,
    created_by: actor.userId,
    name: input.name,
    key_type: keyType,
    key_hash: sha256Hex(plaintext),
    key_prefix: keyDisplayParts(plaintext).prefix,
    key_suffix: keyDisplayParts(plaintext).suffix,
    scopes,
    active: true,
    rate_limit_per_min: input.rate_limit_per_min ?? null,
    expires_at: expiresAt,
    revoked_at: null,
    last_used_at: null,
    rotated_from: null,
    replaced_by: null,
    created_at: nowIso,
    updated_at: nowIso,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await insertApiKey(trx, record);
    await recordAudit(trx, { newId: deps.newId, now: nowIso }, actor, {
      action: 'api_key_created',
      environment: keyType,
      target: { type: 'api_key', id: record.id },
      metadata: { name: record.name, scopes, key_type: keyType, expires_at: expiresAt },
    });
  });
  return { record, plaintext };
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
  const current = await findVisible(deps, actor.workspaceId, authority, id);
  assertChangeable(current, nowIso);
  assertGrantable(authority, current.scopes);
  const changes: ApiKeyChanges = { updated_at: nextUpdatedAt(current.updated_at, nowMs) };
  if (input.name !== undefined) changes.name = input.name;
  if (input.scopes !== undefined) {
    changes.scopes = normalizeScopes(input.scopes);
    assertGrantable(authority, changes.scopes);
  }
  if (input.rate_limit_per_min !== undefined) changes.rate_limit_per_min = input.rate_limit_per_min;
  if (input.active !== undefined) changes.active = input.active;
  if (input.expires_at !== undefined)
    changes.expires_at = checkedExpiry(authority, input.expires_at, nowIso);

  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of ['name', 'scopes', 'rate_limit_per_min', 'active', 'expires_at'] as const) {
    if (field in changes && JSON.stringify(changes[field]) !== JSON.stringify(current[field])) {
      diff[field] = { from: current[field], to: changes[field] };
    }
  }
  return changeKeys(deps, [current.key_hash], async (trx) => {
    const row = await updateApiKeyRow(trx, actor.workspaceId, id, changes, current.updated_at);
    if (row === undefined) throw concurrentChange();
    await recordAudit(trx, { newId: deps.newId, now: nowIso }, actor, {
      action: 'api_key_updated',
      environment: current.key_type,
      target: { type: 'api_key', id },
      metadata: { name: row.name, changes: diff },
    });
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
  const nowIso = new Date(nowMs).toISOString();
  const current = await findVisible(deps, actor.workspaceId, authority, id);
  assertGrantable(authority, current.scopes);
  if (current.revoked_at !== null) return current;
  return changeKeys(deps, [current.key_hash], async (trx) => {
    const row = await updateApiKeyRow(
      trx,
      actor.workspaceId,
      id,
      { revoked_at: nowIso, active: false, updated_at: nextUpdatedAt(current.updated_at, nowMs) },
      current.updated_at,
    );
    if (row === undefined) throw concurrentChange();
    await recordAudit(trx, { newId: deps.newId, now: nowIso }, actor, {
      action: 'api_key_revoked',
      environment: current.key_type,
      target: { type: 'api_key', id },
      metadata: { name: current.name },
    });
    return row;
  });
}

export interface RotatedApiKey {
  oldKey: ApiKeyRecord;
  newKey: CreatedApiKey;
}

/**
 * Replaces a key with a new secret and the same settings. The old key stops now, or keeps
 * working for `graceSeconds` (never past its own expiry) so deployments can switch over.
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
  const current = await findVisible(deps, actor.workspaceId, authority, id);
  assertChangeable(current, nowIso);
  assertGrantable(authority, current.scopes);

  const plaintext = generateApiKey(current.key_type);
  const fresh: ApiKeyRecord = {
    ...current,
    id: deps.newId(),
    created_by: actor.userId ?? current.created_by,
    key_hash: sha256Hex(plaintext),
    key_prefix: keyDisplayParts(plaintext).prefix,
    key_suffix: keyDisplayParts(plaintext).suffix,
    active: true,
    last_used_at: null,
    revoked_at: null,
    rotated_from: current.id,
    replaced_by: null,
    created_at: nowIso,
    updated_at: nowIso,
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

  const oldKey = await changeKeys(deps, [current.key_hash], async (trx) => {
    const row = await updateApiKeyRow(trx, actor.workspaceId, id, oldChanges, current.updated_at);
    if (row === undefined) throw concurrentChange();
    await insertApiKey(trx, fresh);
    await recordAudit(trx, { newId: deps.newId, now: nowIso }, actor, {
      action: 'api_key_rotated',
      environment: current.key_type,
      target: { type: 'api_key', id },
      metadata: {
        name: current.name,
        new_key_id: fresh.id,
        grace_period_seconds: graceSeconds,
        old_key_ends_at: graceSeconds === 0 ? nowIso : row.expires_at,
      },
    });
    return row;
  });
  return { oldKey, newKey: { record: fresh, plaintext } };
}
