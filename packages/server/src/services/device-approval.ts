import { type KeyType, missingScopes, type Role, type ScopeCatalogue } from '@onepin/core';
import {
  type DeviceAuthorizationRecord,
  decideDeviceAuthorization,
  findDeviceAuthorizationByUserCode,
} from '@onepin/db';
import { ApiError } from '../api-error.js';
import { actorOf, type SessionPrincipal } from '../auth/principal.js';
import { recordAudit } from './audit.js';
import { normalizeUserCode, userCodeHash } from './device-codes.js';
import { deviceKeyName } from './device-login.js';
import { assertKnownScopes } from './key-authority.js';
import type { ServiceDeps } from './service-deps.js';

/** Like Stripe's CLI keys: a device-login key lives 90 days unless the member picks otherwise. */
export const DEFAULT_DEVICE_KEY_DAYS = 90;
export const MAX_DEVICE_KEY_DAYS = 365;
const DAY_MS = 24 * 60 * 60_000;
/** An approved sign-in stays collectable at least this long after the approval. */
const COLLECT_AFTER_APPROVAL_MS = 60_000;

/**
 * The scopes a device key gets unless the member picks others: all their role allows except
 * making and changing keys (`api_keys:write`), which a terminal rarely needs and a stolen
 * laptop should not have. The member may tick it, when their role allows it.
 */
export function defaultDeviceScopes(role: Role, scopes: ScopeCatalogue): string[] {
  return scopes.roleScopes(role).filter((scope) => scope !== 'api_keys:write');
}

/**
 * A typed code that matches no sign-in waiting for a decision (unknown, decided, collected or
 * expired): the route counts it against the user-code throttle.
 */
export class WrongUserCodeError extends ApiError {
  constructor() {
    super(
      'NOT_FOUND',
      'No sign-in is waiting for this code. Check it against your terminal: codes work for 10 minutes, once.',
    );
  }
}

/** The sign-in waiting for a decision under this typed code, or `WrongUserCodeError`. */
async function findPending(
  deps: ServiceDeps,
  typedCode: string,
): Promise<DeviceAuthorizationRecord> {
  const code = normalizeUserCode(typedCode);
  const row =
    code === null
      ? undefined
      : await findDeviceAuthorizationByUserCode(deps.database.db, userCodeHash(code));
  const nowIso = new Date(deps.clock.now()).toISOString();
  if (row === undefined || row.status !== 'pending' || row.expires_at <= nowIso) {
    throw new WrongUserCodeError();
  }
  return row;
}

/** What the approval page shows and offers for one waiting sign-in. */
export interface DeviceRequestView {
  request: DeviceAuthorizationRecord;
  keyName: string;
  workspaces: Array<{
    id: string;
    name: string;
    role: Role;
    grantableScopes: string[];
    defaultScopes: string[];
  }>;
}

/** The waiting sign-in of a typed code, and what this member may grant in each workspace. */
export async function describeDeviceRequest(
  deps: ServiceDeps,
  principal: SessionPrincipal,
  typedCode: string,
): Promise<DeviceRequestView> {
  const request = await findPending(deps, typedCode);
  return {
    request,
    keyName: deviceKeyName(request.host_name),
    workspaces: principal.workspaces.map((w) => ({
      id: w.id,
      name: w.name,
      role: w.role,
      grantableScopes: [...deps.scopes.roleScopes(w.role)],
      defaultScopes: defaultDeviceScopes(w.role, deps.scopes),
    })),
  };
}

export interface DeviceApprovalInput {
  user_code: string;
  workspace_id: string;
  key_type?: KeyType | undefined;
  scopes?: string[] | undefined;
  expires_in_days?: number | undefined;
}

/** The terms an approval fixed, for the page to confirm. */
export interface DeviceApproval {
  workspaceId: string;
  workspaceName: string;
  keyName: string;
  keyType: KeyType;
  scopes: string[];
  keyExpiresAt: string;
}

/** The device details every decision records, so the audit log says what was let in or not. */
function deviceMetadata(request: DeviceAuthorizationRecord) {
  return {
    device_authorization_id: request.id,
    client_name: request.client_name,
    client_version: request.client_version,
    host_name: request.host_name,
    os: request.os,
    ip_address: request.ip_address,
    requested_at: request.created_at,
  };
}

/**
 * Approves a waiting sign-in for a workspace of the member's, with terms their role there
 * allows (403 `INSUFFICIENT_SCOPE` naming what it does not). The key is not made here: the
 * device collects it at its next poll, minted then under the member's role as it is then.
 */
export async function approveDeviceLogin(
  deps: ServiceDeps,
  principal: SessionPrincipal,
  input: DeviceApprovalInput,
): Promise<DeviceApproval> {
  if (input.scopes !== undefined) assertKnownScopes(deps.scopes, input.scopes);
  const request = await findPending(deps, input.user_code);
  const workspace = principal.workspaces.find((w) => w.id === input.workspace_id);
  if (workspace === undefined) throw new ApiError('NOT_FOUND', 'Workspace not found.');
  const scopes = [
    ...new Set(input.scopes ?? defaultDeviceScopes(workspace.role, deps.scopes)),
  ].sort();
  const refused = missingScopes(deps.scopes.roleScopes(workspace.role), scopes);
  if (refused.length > 0) {
    throw new ApiError(
      'INSUFFICIENT_SCOPE',
      `Your role in “${workspace.name}” (${workspace.role}) cannot grant: ${refused.join(', ')}.`,
      { details: refused.map((scope) => ({ field: 'scopes', message: scope })) },
    );
  }
  const keyType = input.key_type ?? 'live';
  const nowMs = deps.clock.now();
  const nowIso = new Date(nowMs).toISOString();
  const keyExpiresAt = new Date(
    nowMs + (input.expires_in_days ?? DEFAULT_DEVICE_KEY_DAYS) * DAY_MS,
  ).toISOString();
  const collectUntil = new Date(
    Math.max(Date.parse(request.expires_at), nowMs + COLLECT_AFTER_APPROVAL_MS),
  ).toISOString();

  await deps.database.db.transaction().execute(async (trx) => {
    const decided = await decideDeviceAuthorization(trx, request.id, nowIso, {
      status: 'approved',
      decided_by: principal.userId,
      decided_at: nowIso,
      workspace_id: workspace.id,
      key_type: keyType,
      scopes,
      key_expires_at: keyExpiresAt,
      expires_at: collectUntil,
    });
    if (!decided) throw new WrongUserCodeError();
    await recordAudit(
      trx,
      { newId: deps.newId, now: nowIso },
      { ...actorOf(principal), workspaceId: workspace.id },
      {
        action: 'device_login_approved',
        environment: keyType,
        target: { type: 'device_authorization', id: request.id },
        metadata: {
          ...deviceMetadata(request),
          key_name: deviceKeyName(request.host_name),
          scopes,
          key_type: keyType,
          key_expires_at: keyExpiresAt,
        },
      },
    );
  });
  return {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    keyName: deviceKeyName(request.host_name),
    keyType,
    scopes,
    keyExpiresAt,
  };
}

/** Denies a waiting sign-in: the device's next poll gets `ACCESS_DENIED`. */
export async function denyDeviceLogin(
  deps: ServiceDeps,
  principal: SessionPrincipal,
  typedCode: string,
): Promise<void> {
  const request = await findPending(deps, typedCode);
  const nowIso = new Date(deps.clock.now()).toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    const decided = await decideDeviceAuthorization(trx, request.id, nowIso, {
      status: 'denied',
      decided_by: principal.userId,
      decided_at: nowIso,
    });
    if (!decided) throw new WrongUserCodeError();
    // Recorded in the workspace the member was looking at: a denial grants nothing anywhere.
    await recordAudit(trx, { newId: deps.newId, now: nowIso }, actorOf(principal), {
      action: 'device_login_denied',
      environment: principal.environment,
      target: { type: 'device_authorization', id: request.id },
      metadata: deviceMetadata(request),
    });
  });
}
