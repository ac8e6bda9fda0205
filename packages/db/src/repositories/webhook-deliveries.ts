import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.js';
import type {
  Database,
  WebhookDeliveryAttemptRow,
  WebhookDeliveryRow,
  WebhookEventRow,
} from '../schema.js';

/** An event and its deliveries, written together in the transaction of the change. */
export async function insertWebhookEvent(
  db: Kysely<Database>,
  event: WebhookEventRow,
  deliveries: readonly WebhookDeliveryRow[],
): Promise<void> {
  await db.insertInto('webhook_events').values(event).execute();
  if (deliveries.length > 0)
    await db
      .insertInto('webhook_deliveries')
      .values([...deliveries])
      .execute();
}

/**
 * Leases up to `limit` deliveries that are due and not leased by a live lease, to `nodeId`
 * until `leaseUntil`, and returns their ids. On PostgreSQL the candidates are locked with
 * `FOR UPDATE SKIP LOCKED`, so nodes claiming at once never take the same row; SQLite has one
 * writer at a time. A node that dies holding a lease loses it when the lease runs out.
 */
export async function claimDueDeliveries(
  db: Kysely<Database>,
  dialect: DialectName,
  claim: { now: string; leaseUntil: string; nodeId: string; limit: number },
): Promise<string[]> {
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ lease_expires_at: claim.leaseUntil, leased_by: claim.nodeId })
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', claim.now)
        .where((w) =>
          w.or([w('lease_expires_at', 'is', null), w('lease_expires_at', '<=', claim.now)]),
        )
        .orderBy('next_attempt_at')
        .limit(claim.limit);
      return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
    })
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** What the worker needs to send a claimed delivery. */
export interface ClaimedDelivery {
  delivery: WebhookDeliveryRow;
  event: Pick<WebhookEventRow, 'id' | 'type' | 'payload' | 'created_at'>;
  webhook: {
    id: string;
    url: string;
    active: boolean;
    secret_ciphertext: string;
    previous_secret_ciphertext: string | null;
    previous_secret_expires_at: string | null;
  };
}

export async function loadClaimedDeliveries(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<ClaimedDelivery[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .selectAll('d')
    .select([
      'e.type as event_type',
      'e.payload as event_payload',
      'e.created_at as event_created_at',
      'w.url as webhook_url',
      'w.active as webhook_active',
      'w.secret_ciphertext',
      'w.previous_secret_ciphertext',
      'w.previous_secret_expires_at',
    ])
    .where('d.id', 'in', [...ids])
    .execute();
  return rows.map((row) => {
    const {
      event_type,
      event_payload,
      event_created_at,
      webhook_url,
      webhook_active,
      secret_ciphertext,
      previous_secret_ciphertext,
      previous_secret_expires_at,
      ...delivery
    } = row;
    return {
      delivery,
      event: {
        id: delivery.event_id,
        type: event_type,
        payload: event_payload,
        created_at: event_created_at,
      },
      webhook: {
        id: delivery.webhook_id,
        url: webhook_url,
        active: webhook_active === 1,
        secret_ciphertext,
        previous_secret_ciphertext,
        previous_secret_expires_at,
      },
    };
  });
}

/** The outcome of one attempt: the log row, and what becomes of the delivery. */
export interface AttemptOutcome {
  attempt: WebhookDeliveryAttemptRow;
  delivery: Pick<
    WebhookDeliveryRow,
    | 'status'
    | 'attempts'
    | 'next_attempt_at'
    | 'last_status_code'
    | 'last_error'
    | 'updated_at'
    | 'delivered_at'
  >;
}

/**
 * Logs an attempt and updates its delivery, releasing the lease, in one transaction. The
 * delivery changes only while `nodeId` still holds it; the log row is written either way.
 */
export async function recordDeliveryAttempt(
  db: Kysely<Database>,
  deliveryId: string,
  nodeId: string,
  outcome: AttemptOutcome,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('webhook_delivery_attempts').values(outcome.attempt).execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({
        ...outcome.delivery,
        lease_expires_at: null,
        leased_by: null,
        redelivery_requested_at: null,
      })
      .where('id', '=', deliveryId)
      .where('leased_by', '=', nodeId)
      .execute();
  });
}

/** A delivery as the log shows it, with its event's type. */
export interface DeliveryListItem extends WebhookDeliveryRow {
  event_type: string;
}

/** Newest first. */
export async function listDeliveries(
  db: Kysely<Database>,
  query: { webhookId: string; status?: string; limit: number; offset: number },
): Promise<{ items: DeliveryListItem[]; total: number }> {
  let filtered = db
    .selectFrom('webhook_deliveries as d')
    .where('d.webhook_id', '=', query.webhookId);
  if (query.status !== undefined) {
    filtered = filtered.where('d.status', '=', query.status as WebhookDeliveryRow['status']);
  }
  const [rows, count] = await Promise.all([
    filtered
      .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
      .selectAll('d')
      .select('e.type as event_type')
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: Number(count.total) };
}

/** One delivery of a webhook, with its event and every attempt, oldest first. */
export async function findDelivery(
  db: Kysely<Database>,
  webhookId: string,
  deliveryId: string,
): Promise<
  | {
      delivery: DeliveryListItem;
      payload: string;
      attempts: WebhookDeliveryAttemptRow[];
    }
  | undefined
> {
  const row = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .selectAll('d')
    .select(['e.type as event_type', 'e.payload as payload'])
    .where('d.webhook_id', '=', webhookId)
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const attempts = await db
    .selectFrom('webhook_delivery_attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .orderBy('attempted_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const { payload, ...delivery } = row;
  return { delivery, payload, attempts };
}

/**
 * Asks for one more attempt now. A delivery still being retried keeps its schedule after it;
 * one that was over gets just this attempt (`retry_until` now).
 */
export async function requestRedelivery(
  db: Kysely<Database>,
  deliveryId: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      next_attempt_at: now,
      redelivery_requested_at: now,
      updated_at: now,
      retry_until: eb
        .case()
        .when('status', '=', 'pending')
        .then(eb.ref('retry_until'))
        .else(now)
        .end(),
      status: 'pending',
    }))
    .where('id', '=', deliveryId)
    .execute();
}

/** Forgets every lease: on SQLite at start-up, where the only server that could hold one is gone. */
export async function releaseAllDeliveryLeases(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ lease_expires_at: null, leased_by: null })
    .where('lease_expires_at', 'is not', null)
    .execute();
  await db
    .updateTable('pending_key_revocations')
    .set({ lease_expires_at: null })
    .where('lease_expires_at', 'is not', null)
    .execute();
}

/** Deletes events older than `before` whose deliveries are all over (their log goes too). */
export async function purgeWebhookEvents(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db
    .deleteFrom('webhook_events')
    .where('created_at', '<', before)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('webhook_deliveries')
            .select('id')
            .whereRef('webhook_deliveries.event_id', '=', 'webhook_events.id')
            .where('webhook_deliveries.status', '=', 'pending'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
