import type { Kysely } from 'kysely';
import type { Database, DeviceAuthorizationRow } from '../schema.js';

/** A device sign-in as the rest of the code sees it: the scopes parsed. */
export interface DeviceAuthorizationRecord extends Omit<DeviceAuthorizationRow, 'scopes'> {
  scopes: string[] | null;
}

function toRecord(row: DeviceAuthorizationRow): DeviceAuthorizationRecord {
  return { ...row, scopes: row.scopes === null ? null : (JSON.parse(row.scopes) as string[]) };
}

export async function insertDeviceAuthorization(
  db: Kysely<Database>,
  record: DeviceAuthorizationRecord,
): Promise<void> {
  const scopes = record.scopes === null ? null : JSON.stringify(record.scopes);
  await db
    .insertInto('device_authorizations')
    .values({ ...record, scopes })
    .execute();
}

export async function findDeviceAuthorizationByDeviceCode(
  db: Kysely<Database>,
  deviceCodeHash: string,
): Promise<DeviceAuthorizationRecord | undefined> {
  const row = await db
    .selectFrom('device_authorizations')
    .selectAll()
    .where('device_code_hash', '=', deviceCodeHash)
    .executeTakeFirst();
  return row && toRecord(row);
}

export async function findDeviceAuthorizationByUserCode(
  db: Kysely<Database>,
  userCodeHash: string,
): Promise<DeviceAuthorizationRecord | undefined> {
  const row = await db
    .selectFrom('device_authorizations')
    .selectAll()
    .where('user_code_hash', '=', userCodeHash)
    .executeTakeFirst();
  return row && toRecord(row);
}

/** The polling state a poll leaves behind: when it came, and the interval from then on. */
export async function recordDevicePoll(
  db: Kysely<Database>,
  id: string,
  poll: { at: string; intervalSeconds: number },
): Promise<void> {
  await db
    .updateTable('device_authorizations')
    .set({ last_polled_at: poll.at, interval_seconds: poll.intervalSeconds })
    .where('id', '=', id)
    .execute();
}

/** What deciding a pending sign-in writes. */
export type DeviceDecision =
  | {
      status: 'approved';
      decided_by: string;
      decided_at: string;
      workspace_id: string;
      key_type: 'live' | 'test';
      scopes: string[];
      key_expires_at: string;
      expires_at: string;
    }
  | { status: 'denied'; decided_by: string | null; decided_at: string };

/**
 * Decides a sign-in that is still pending and not expired at `now`; false when it was not
 * (decided, collected or expired meanwhile): two decisions can never both win.
 */
export async function decideDeviceAuthorization(
  db: Kysely<Database>,
  id: string,
  now: string,
  decision: DeviceDecision,
): Promise<boolean> {
  const values =
    decision.status === 'approved'
      ? { ...decision, scopes: JSON.stringify(decision.scopes) }
      : decision;
  const result = await db
    .updateTable('device_authorizations')
    .set(values)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks an approved sign-in collected, with the key made for it; false when another poll
 * collected it first (the device code is one-time: only one poll ever gets a key).
 */
export async function consumeDeviceAuthorization(
  db: Kysely<Database>,
  id: string,
  apiKeyId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('device_authorizations')
    .set({ status: 'consumed', api_key_id: apiKeyId })
    .where('id', '=', id)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Denies an approved sign-in that can no longer be honoured (the approver lost the role). */
export async function withdrawDeviceApproval(
  db: Kysely<Database>,
  id: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('device_authorizations')
    .set({ status: 'denied', decided_at: now })
    .where('id', '=', id)
    .where('status', '=', 'approved')
    .execute();
}

/** How many sign-ins are waiting for a decision or a poll: the bound on open requests. */
export async function countOpenDeviceAuthorizations(
  db: Kysely<Database>,
  now: string,
): Promise<number> {
  const { total } = await db
    .selectFrom('device_authorizations')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(total);
}

/** Forgets the sign-ins that ended before `before` (what they made stays in the audit log). */
export async function deleteEndedDeviceAuthorizations(
  db: Kysely<Database>,
  before: string,
): Promise<void> {
  await db.deleteFrom('device_authorizations').where('expires_at', '<', before).execute();
}
