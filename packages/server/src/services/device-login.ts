import { normalizeScopes } from '@onepin/core';
import {
  type ApiKeyRecord,
  consumeDeviceAuthorization,
  countOpenDeviceAuthorizations,
  type DeviceAuthorizationRecord,
  deleteEndedDeviceAuthorizations,
  findApiKeyById,
  findDeviceAuthorizationByDeviceCode,
  findWorkspaceById,
  insertDeviceAuthorization,
  isUniqueViolation,
  recordDevicePoll,
  withdrawDeviceApproval,
} from '@onepin/db';
import { ApiError, invalidApiKey, UnusableLinkError } from '../api-error.js';
import { type ApiKeyPrincipal, actorOf } from '../auth/principal.js';
import { type CreatedApiKey, createApiKey, revokeInTransaction } from './api-keys.js';
import {
  deviceCodeHash,
  generateDeviceCode,
  generateUserCode,
  normalizeUserCode,
  userCodeHash,
} from './device-codes.js';
import { currentMemberAuthority } from './key-authority.js';
import { changeKeys } from './key-invalidation.js';
import type { ServiceDeps } from './service-deps.js';

/** RFC 8628 §3.2: how long a device code lives (and a member may approve it). */
export const DEVICE_CODE_TTL_SECONDS = 600;
/** RFC 8628 §3.2: the least number of seconds between two polls, until `slow_down`. */
export const DEVICE_POLL_INTERVAL_SECONDS = 5;
/** RFC 8628 §3.5: what each `slow_down` adds to the interval. */
export const SLOW_DOWN_STEP_SECONDS = 5;
/** The interval never grows past this, so a device that was told to slow down can still
 * collect its key before the code expires. */
const MAX_POLL_INTERVAL_SECONDS = 60;
/** Clocks of nodes sharing a database differ a little; a poll this much early is on time. */
const POLL_CLOCK_TOLERANCE_MS = 250;
/** Ended sign-ins are kept this long (a late poll learns it expired), then deleted. */
const KEEP_ENDED_MS = 60 * 60_000;
/** Open sign-ins on the whole server: past it, new ones wait (503) instead of filling the table. */
export const MAX_OPEN_DEVICE_AUTHORIZATIONS = 10_000;

/** What the device says about itself: shown to the member who decides, marked as unverified. */
export interface DeviceDetails {
  clientName: string | null;
  clientVersion: string | null;
  hostName: string | null;
  os: string | null;
}

/** What the server itself saw of the device's request. */
export interface DeviceClient {
  address: string;
  userAgent: string | null;
}

/** RFC 8628 §3.2's answer: the codes, where to approve, for how long, how often to poll. */
export interface StartedDeviceLogin {
  /** The sign-in's id, for the log: the audit log names it once a member decides. */
  id: string;
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  expiresIn: number;
  interval: number;
}

/**
 * Starts a sign-in for a device (RFC 8628 §3.1–3.2): a device code only the device knows
 * (its SHA-256 stored) and a user code the person types or confirms at `/device`. Ended
 * sign-ins are cleared on the way.
 */
export async function startDeviceLogin(
  deps: ServiceDeps,
  details: DeviceDetails,
  client: DeviceClient,
  publicUrl: string,
): Promise<StartedDeviceLogin> {
  const db = deps.database.db;
  const nowMs = deps.clock.now();
  const nowIso = new Date(nowMs).toISOString();
  await deleteEndedDeviceAuthorizations(db, new Date(nowMs - KEEP_ENDED_MS).toISOString());
  if ((await countOpenDeviceAuthorizations(db, nowIso)) >= MAX_OPEN_DEVICE_AUTHORIZATIONS) {
    throw new ApiError(
      'SERVICE_UNAVAILABLE',
      'Too many sign-ins are waiting for approval on this server; try again in a minute.',
      { headers: { 'Retry-After': '60' } },
    );
  }
  const deviceCode = generateDeviceCode();
  // Codes are random among 2.6 × 10^10; a clash with an open one is retried, not reported.
  for (let attempt = 0; ; attempt++) {
    const userCode = generateUserCode();
    const record: DeviceAuthorizationRecord = {
      id: deps.newId(),
      device_code_hash: deviceCodeHash(deviceCode),
      user_code_hash: userCodeHash(normalizeUserCode(userCode) ?? ''),
      status: 'pending',
      client_name: details.clientName,
      client_version: details.clientVersion,
      host_name: details.hostName,
      os: details.os,
      ip_address: client.address,
      user_agent: client.userAgent,
      interval_seconds: DEVICE_POLL_INTERVAL_SECONDS,
      last_polled_at: null,
      created_at: nowIso,
      expires_at: new Date(nowMs + DEVICE_CODE_TTL_SECONDS * 1000).toISOString(),
      decided_by: null,
      decided_at: null,
      workspace_id: null,
      key_type: null,
      scopes: null,
      key_expires_at: null,
      api_key_id: null,
    };
    try {
      await insertDeviceAuthorization(db, record);
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 4) continue;
      throw error;
    }
    const verificationUri = `${publicUrl}/device`;
    return {
      id: record.id,
      deviceCode,
      userCode,
      verificationUri,
      verificationUriComplete: `${verificationUri}?code=${userCode}`,
      expiresIn: DEVICE_CODE_TTL_SECONDS,
      interval: DEVICE_POLL_INTERVAL_SECONDS,
    };
  }
}

/** The key a device collects, with its workspace's name for the device to show. */
export interface CollectedDeviceKey extends CreatedApiKey {
  workspaceName: string;
}

/** A poll's answer that is not a key (RFC 8628 §3.5), with the interval to keep. */
function pollError(
  code: 'AUTHORIZATION_PENDING' | 'SLOW_DOWN',
  intervalSeconds: number,
  message?: string,
): ApiError {
  return new ApiError(code, message, { headers: { 'Retry-After': String(intervalSeconds) } });
}

/**
 * One poll of the device (RFC 8628 §3.4–3.5). While pending: `AUTHORIZATION_PENDING`, or
 * `SLOW_DOWN` when it came sooner than the interval after the previous poll — which adds 5 s
 * to the interval from then on. Denied: `ACCESS_DENIED`; past its time: `EXPIRED_TOKEN`.
 * Approved: the key, made now under the approving member's current role and handed out this
 * once (the device code is then used up: `INVALID_GRANT`, never a second key). An unknown
 * code is an `UnusableLinkError`, which the route counts as a failed authentication.
 */
export async function pollDeviceLogin(
  deps: ServiceDeps,
  deviceCode: string,
): Promise<CollectedDeviceKey> {
  const db = deps.database.db;
  const row = await findDeviceAuthorizationByDeviceCode(db, deviceCodeHash(deviceCode));
  if (row === undefined) {
    throw new UnusableLinkError('INVALID_GRANT', 'This device code is unknown. Start again.');
  }
  const nowMs = deps.clock.now();
  const nowIso = new Date(nowMs).toISOString();
  if (row.status === 'consumed') {
    throw new ApiError('INVALID_GRANT', 'This device code was already used. Start again.');
  }
  if (row.status === 'denied') {
    throw new ApiError('ACCESS_DENIED', 'The sign-in was denied in the browser.');
  }
  if (row.expires_at <= nowIso) {
    throw new ApiError(
      'EXPIRED_TOKEN',
      'The code expired before the sign-in was approved. Start again.',
    );
  }
  if (row.status === 'approved') return collect(deps, row);

  const sinceLastMs =
    row.last_polled_at === null ? Number.POSITIVE_INFINITY : nowMs - Date.parse(row.last_polled_at);
  const tooSoon = sinceLastMs < row.interval_seconds * 1000 - POLL_CLOCK_TOLERANCE_MS;
  const interval = tooSoon
    ? Math.min(row.interval_seconds + SLOW_DOWN_STEP_SECONDS, MAX_POLL_INTERVAL_SECONDS)
    : row.interval_seconds;
  await recordDevicePoll(db, row.id, { at: nowIso, intervalSeconds: interval });
  if (tooSoon) {
    throw pollError(
      'SLOW_DOWN',
      interval,
      `Polling too fast: wait at least ${interval} seconds between polls from now on.`,
    );
  }
  throw pollError('AUTHORIZATION_PENDING', interval);
}

/** Approved: makes the key under the approver's role as it is now, and uses the code up. */
async function collect(
  deps: ServiceDeps,
  row: DeviceAuthorizationRecord,
): Promise<CollectedDeviceKey> {
  const { workspace_id: workspaceId, decided_by: approver, scopes, key_type: keyType } = row;
  if (workspaceId === null || approver === null || scopes === null || keyType === null) {
    throw new Error('an approved device authorization names its workspace, approver and terms');
  }
  const current = await currentMemberAuthority(deps, workspaceId, approver);
  const grantable = current?.authority.grantable;
  const stillAllowed =
    current !== null &&
    (grantable === 'all' || scopes.every((scope) => grantable?.includes(scope)));
  if (!stillAllowed) {
    // The approver left the workspace or lost the role between approving and the poll.
    await withdrawDeviceApproval(
      deps.database.db,
      row.id,
      new Date(deps.clock.now()).toISOString(),
    );
    throw new ApiError(
      'ACCESS_DENIED',
      'The sign-in was approved by someone who can no longer grant this access. Start again.',
    );
  }
  const created = await createApiKey(
    deps,
    {
      type: 'user',
      id: approver,
      name: current.member.email,
      workspaceId,
      userId: approver,
    },
    current.authority,
    {
      name: deviceKeyName(row.host_name),
      scopes: normalizeScopes(scopes),
      key_type: keyType,
      expires_at: row.key_expires_at,
      rate_limit_per_min: null,
    },
    {
      createdVia: 'device_login',
      auditMetadata: { device_authorization_id: row.id },
      async alsoInTransaction(trx, record) {
        if (!(await consumeDeviceAuthorization(trx, row.id, record.id))) {
          throw new ApiError('INVALID_GRANT', 'This device code was already used. Start again.');
        }
      },
    },
  );
  const workspace = await findWorkspaceById(deps.database.db, workspaceId);
  return { ...created, workspaceName: workspace?.name ?? '' };
}

/** "CLI on <host>", the name of every key device login makes (at most 120 characters). */
export function deviceKeyName(hostName: string | null): string {
  return `CLI on ${hostName ?? 'an unnamed host'}`.slice(0, 120);
}

/**
 * `onepin logout` of a key device login made: the key revokes itself (the `api_key_revoked`
 * event says why). Any other key gets 403: a pasted key belongs to whoever made it, and one
 * leaked must not be able to take down the deployment that uses it.
 */
export async function revokeOwnDeviceKey(
  deps: ServiceDeps,
  principal: ApiKeyPrincipal,
): Promise<ApiKeyRecord> {
  const { workspaceId } = principal;
  const key = await findApiKeyById(deps.database.db, workspaceId, principal.key.id);
  if (key === undefined || key.revoked_at !== null) throw invalidApiKey();
  if (key.created_via !== 'device_login') {
    throw new ApiError(
      'FORBIDDEN',
      'Only a key made by device login (`onepin login --web`) can revoke itself. Revoke other keys in the dashboard or with `onepin keys revoke`.',
    );
  }
  return changeKeys(deps, 'revoked', [key.key_hash], (trx) =>
    revokeInTransaction(trx, deps, actorOf(principal), key, deps.clock.now(), 'device_logout'),
  );
}
