import {
  claimKeyRevocations,
  deleteKeyRevocation,
  findApiKeysByHashes,
  findUnannouncedExpiries,
  markKeyEvent,
  purgeKeyEventMarks,
  purgeKeyInvalidationEvents,
  purgeWebhookEvents,
  toApiKeyRecord,
} from '@onepin/db';
import { revokeReportedKey } from './key-leaks.js';
import type { ServiceDeps } from './service-deps.js';
import { enqueueKeyEvent } from './webhook-outbox.js';

/** Keys that expired longer ago than this when first seen are not announced any more. */
const EXPIRY_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;
/** How long the delivery log and the rate-limit marks are kept. */
export const EVENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const BATCH = 100;

/**
 * Announces `api_key.expired` for keys whose expiry has passed (a rotated-out key's too, when
 * its grace ends): keys expire by time, with no request to notice it, so this runs on a timer
 * on every node. The mark (key, `expired`, expiry) is written in the event's transaction and
 * is unique, so however many nodes sweep, each expiry is announced once. Returns how many.
 */
export async function announceExpiredKeys(deps: ServiceDeps): Promise<number> {
  const nowMs = deps.clock.now();
  const now = new Date(nowMs).toISOString();
  const keys = await findUnannouncedExpiries(deps.database.db, {
    after: new Date(nowMs - EXPIRY_LOOKBACK_MS).toISOString(),
    until: now,
    limit: BATCH,
  });
  let announced = 0;
  for (const row of keys) {
    const key = toApiKeyRecord(row);
    await deps.database.db.transaction().execute(async (trx) => {
      const first = await markKeyEvent(trx, {
        api_key_id: key.id,
        kind: 'expired',
        mark: key.expires_at ?? now,
        created_at: now,
      });
      if (!first) return;
      announced++;
      await enqueueKeyEvent(trx, { newId: deps.newId, now }, 'api_key.expired', key, null, {
        reason: key.replaced_by === null ? 'expired' : 'rotation_grace_ended',
      });
    });
  }
  if (announced > 0) deps.outbox?.wake();
  return announced;
}

/** Revokes the keys reported to the public endpoint, a batch at a time. Returns how many hashes. */
export async function processReportedRevocations(
  deps: ServiceDeps,
  leaseMs: number,
): Promise<number> {
  const nowMs = deps.clock.now();
  const claimed = await claimKeyRevocations(deps.database.db, deps.database.dialect, {
    now: new Date(nowMs).toISOString(),
    leaseUntil: new Date(nowMs + leaseMs).toISOString(),
    limit: BATCH,
  });
  if (claimed.length === 0) return 0;
  const rows = await findApiKeysByHashes(
    deps.database.db,
    claimed.map((entry) => entry.key_hash),
  );
  const byHash = new Map(rows.map((row) => [row.key_hash, toApiKeyRecord(row)]));
  for (const { key_hash } of claimed) {
    const key = byHash.get(key_hash);
    if (key !== undefined) await revokeReportedKey(deps, key);
    await deleteKeyRevocation(deps.database.db, key_hash);
  }
  return claimed.length;
}

/** How long the verify events stream can replay (`Last-Event-ID`); older ids get `reset`. */
export const INVALIDATION_EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Drops delivery logs and marks past the retention period, and key invalidation events
 * past theirs. */
export async function purgeOldEvents(deps: ServiceDeps): Promise<void> {
  const nowMs = deps.clock.now();
  const before = new Date(nowMs - EVENT_RETENTION_MS).toISOString();
  await purgeWebhookEvents(deps.database.db, before);
  await purgeKeyEventMarks(deps.database.db, 'rate_limited', before);
  await purgeKeyInvalidationEvents(
    deps.database.db,
    new Date(nowMs - INVALIDATION_EVENT_RETENTION_MS).toISOString(),
  );
}
