import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.js';
import type { ApiKeyLeakRow, ApiKeyRow, Database, KeyLeakSource } from '../schema.js';

/** The latest leak report of a key, as its banner shows it. */
export interface ApiKeyLeak {
  source: KeyLeakSource;
  url: string | null;
  action: 'revoked' | 'notified';
  reported_at: string;
}

export async function insertKeyLeak(db: Kysely<Database>, leak: ApiKeyLeakRow): Promise<void> {
  await db.insertInto('api_key_leaks').values(leak).execute();
}

/** The latest leak report of each of these keys that has one. */
export async function latestKeyLeaks(
  db: Kysely<Database>,
  keyIds: readonly string[],
): Promise<Map<string, ApiKeyLeak>> {
  const latest = new Map<string, ApiKeyLeak>();
  if (keyIds.length === 0) return latest;
  const rows = await db
    .selectFrom('api_key_leaks')
    .select(['api_key_id', 'source', 'url', 'action', 'reported_at'])
    .where('api_key_id', 'in', [...keyIds])
    .orderBy('reported_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  for (const { api_key_id, ...leak } of rows) latest.set(api_key_id, leak);
  return latest;
}

/**
 * Marks `kind` announced for a key at `mark` (say, its expiry time, or a minute), and says
 * whether this call made the mark: the unique key lets exactly one of several nodes announce.
 */
export async function markKeyEvent(
  db: Kysely<Database>,
  mark: { api_key_id: string; kind: string; mark: string; created_at: string },
): Promise<boolean> {
  const rows = await db
    .insertInto('api_key_event_marks')
    .values(mark)
    .onConflict((oc) => oc.columns(['api_key_id', 'kind', 'mark']).doNothing())
    .returning('api_key_id')
    .execute();
  return rows.length > 0;
}

export async function purgeKeyEventMarks(
  db: Kysely<Database>,
  kind: string,
  before: string,
): Promise<void> {
  await db
    .deleteFrom('api_key_event_marks')
    .where('kind', '=', kind)
    .where('created_at', '<', before)
    .execute();
}

/**
 * Keys whose expiry fell in (`after`, `until`] and that were not revoked, with no `expired`
 * mark yet: what the expiry sweeper announces.
 */
export async function findUnannouncedExpiries(
  db: Kysely<Database>,
  query: { after: string; until: string; limit: number },
): Promise<ApiKeyRow[]> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', query.after)
    .where('expires_at', '<=', query.until)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('api_key_event_marks')
            .select('api_key_id')
            .whereRef('api_key_event_marks.api_key_id', '=', 'api_keys.id')
            .where('api_key_event_marks.kind', '=', 'expired'),
        ),
      ),
    )
    .orderBy('expires_at')
    .limit(query.limit)
    .execute();
}

/** Queues reported hashes for the worker; a hash already queued stays queued once. */
export async function queueKeyRevocations(
  db: Kysely<Database>,
  hashes: readonly string[],
  now: string,
): Promise<void> {
  if (hashes.length === 0) return;
  await db
    .insertInto('pending_key_revocations')
    .values(hashes.map((key_hash) => ({ key_hash, reported_at: now, lease_expires_at: null })))
    .onConflict((oc) => oc.column('key_hash').doNothing())
    .execute();
}

/** Leases queued hashes like `claimDueDeliveries` leases deliveries. */
export async function claimKeyRevocations(
  db: Kysely<Database>,
  dialect: DialectName,
  claim: { now: string; leaseUntil: string; limit: number },
): Promise<Array<{ key_hash: string; reported_at: string }>> {
  return db
    .updateTable('pending_key_revocations')
    .set({ lease_expires_at: claim.leaseUntil })
    .where('key_hash', 'in', (eb) => {
      const due = eb
        .selectFrom('pending_key_revocations')
        .select('key_hash')
        .where((w) =>
          w.or([w('lease_expires_at', 'is', null), w('lease_expires_at', '<=', claim.now)]),
        )
        .orderBy('reported_at')
        .limit(claim.limit);
      return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
    })
    .returning(['key_hash', 'reported_at'])
    .execute();
}

export async function deleteKeyRevocation(db: Kysely<Database>, keyHash: string): Promise<void> {
  await db.deleteFrom('pending_key_revocations').where('key_hash', '=', keyHash).execute();
}

/** Every key with one of these hashes, with its workspace (any workspace: reports name no workspace). */
export async function findApiKeysByHashes(
  db: Kysely<Database>,
  hashes: readonly string[],
): Promise<ApiKeyRow[]> {
  if (hashes.length === 0) return [];
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', 'in', [...hashes])
    .execute();
}
