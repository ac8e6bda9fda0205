import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../connection.js';
import type { Database } from '../schema.js';

/** One row of `key_invalidation_events`, as the verify events stream sends it. */
export interface KeyInvalidationEvent {
  seq: number;
  key_hash: string;
  reason: string;
}

/**
 * An arbitrary constant naming the advisory lock that orders `key_invalidation_events` on
 * PostgreSQL. `seq` comes from a sequence, handed out when a row is inserted, but rows become
 * visible when their transactions commit: without this lock a reader could see 42 before 41
 * and skip 41 for ever. Held from the insert to the commit, it makes commit order seq order.
 * (SQLite has one writer at a time: nothing to do there.)
 */
const EVENTS_LOCK = 14_0014_2026;

/**
 * Records, inside the transaction that changes the keys, one event per hash. Call it last in
 * the transaction: on PostgreSQL it serializes the changes' commits (see `EVENTS_LOCK`).
 */
export async function insertKeyInvalidationEvents(
  trx: Kysely<Database>,
  dialect: DialectName,
  hashes: readonly string[],
  reason: string,
  now: string,
): Promise<void> {
  if (hashes.length === 0) return;
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${EVENTS_LOCK})`.execute(trx);
  await trx
    .insertInto('key_invalidation_events')
    .values(hashes.map((key_hash) => ({ key_hash, reason, created_at: now })))
    .execute();
}

/** The events after `afterSeq`, oldest first, at most `limit`. */
export async function listKeyInvalidationEventsAfter(
  db: Kysely<Database>,
  afterSeq: number,
  limit: number,
): Promise<KeyInvalidationEvent[]> {
  const rows = await db
    .selectFrom('key_invalidation_events')
    .select(['seq', 'key_hash', 'reason'])
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/** The lowest and highest `seq` retained (both null when the table is empty). */
export async function keyInvalidationEventBounds(
  db: Kysely<Database>,
): Promise<{ min: number | null; max: number | null }> {
  const row = await db
    .selectFrom('key_invalidation_events')
    .select((eb) => [eb.fn.min('seq').as('min'), eb.fn.max('seq').as('max')])
    .executeTakeFirst();
  const asNumber = (value: unknown) =>
    value === null || value === undefined ? null : Number(value);
  return { min: asNumber(row?.min), max: asNumber(row?.max) };
}

/** Drops the events recorded before `before` (the stream's retention window). */
export async function purgeKeyInvalidationEvents(
  db: Kysely<Database>,
  before: string,
): Promise<void> {
  await db.deleteFrom('key_invalidation_events').where('created_at', '<', before).execute();
}

export interface VerificationCount {
  apiKeyId: string;
  /** The start of the hour counted (ISO-8601 UTC). */
  periodStart: string;
  count: number;
}

/**
 * Adds batched verification counts to the per-key, per-hour counters. A key deleted since
 * (its counters cascade away) is skipped rather than failing the batch.
 */
export async function addVerificationCounts(
  db: Kysely<Database>,
  counts: readonly VerificationCount[],
): Promise<void> {
  if (counts.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const { apiKeyId, periodStart, count } of counts) {
      await sql`insert into api_key_verification_counts (api_key_id, period_start, count)
        select id, ${periodStart}, ${count} from api_keys where id = ${apiKeyId}
        on conflict (api_key_id, period_start)
        do update set count = api_key_verification_counts.count + excluded.count`.execute(trx);
    }
  });
}

/** The counters of one key, oldest hour first. */
export async function listVerificationCounts(
  db: Kysely<Database>,
  apiKeyId: string,
): Promise<{ period_start: string; count: number }[]> {
  const rows = await db
    .selectFrom('api_key_verification_counts')
    .select(['period_start', 'count'])
    .where('api_key_id', '=', apiKeyId)
    .orderBy('period_start')
    .execute();
  return rows.map((row) => ({ period_start: row.period_start, count: Number(row.count) }));
}
