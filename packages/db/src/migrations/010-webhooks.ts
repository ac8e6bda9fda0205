import { sql } from 'kysely';
import { type OnePinMigration, sqlIn } from './kit.js';

/**
 * Key events (issue 16): webhooks per workspace, the outbox their deliveries come from, the
 * delivery log, leaked-key reports, and the marks that make `api_key.expired` and
 * `api_key.rate_limited` fire once.
 *
 * - `webhooks`: an endpoint, its events and its signing secret, encrypted with a key derived
 *   from the server secret (a signing secret must be usable by the server: it cannot be hashed).
 *   During a secret rotation the previous secret signs alongside until its grace ends.
 * - `webhook_events` + `webhook_deliveries`: the outbox. Rows are written in the transaction
 *   that makes the change, one delivery per subscribed webhook; a worker on every node claims
 *   due deliveries with a lease (PostgreSQL: `FOR UPDATE SKIP LOCKED`), so a delivery is sent
 *   by one node at a time and survives a crash (the lease runs out, another claim takes it).
 * - `webhook_delivery_attempts`: the log — every attempt's status code or error.
 * - `api_key_leaks`: reports that a key was found in public, for the key's banner.
 * - `api_key_event_marks`: one row per (key, kind, mark) announced, e.g. (key, expired,
 *   expires_at) or (key, rate_limited, minute): the unique key makes every node agree.
 * - `pending_key_revocations`: hashes reported to the public revocation endpoint, revoked by
 *   the worker (the endpoint does the same work whether or not a key exists).
 */
export const webhooks: OnePinMigration = {
  async up(db, { timestamp }) {
    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) =>
        c.notNull().references('workspaces.id').onDelete('cascade'),
      )
      .addColumn('environment', 'text', (c) =>
        c.notNull().check(sqlIn('environment', ['live', 'test'])),
      )
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('event_types', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
      .addColumn('previous_secret_ciphertext', 'text')
      .addColumn('previous_secret_expires_at', timestamp)
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .addColumn('updated_at', timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('webhooks_workspace_idx')
      .on('webhooks')
      .columns(['workspace_id', 'created_at', 'id'])
      .execute();

    await db.schema
      .createTable('webhook_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) =>
        c.notNull().references('workspaces.id').onDelete('cascade'),
      )
      .addColumn('environment', 'text', (c) =>
        c.notNull().check(sqlIn('environment', ['live', 'test'])),
      )
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) =>
        c.notNull().references('webhook_events.id').onDelete('cascade'),
      )
      .addColumn('webhook_id', 'text', (c) =>
        c.notNull().references('webhooks.id').onDelete('cascade'),
      )
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sqlIn('status', ['pending', 'succeeded', 'failed'])),
      )
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', timestamp)
      .addColumn('retry_until', timestamp, (c) => c.notNull())
      .addColumn('lease_expires_at', timestamp)
      .addColumn('leased_by', 'text')
      .addColumn('redelivery_requested_at', timestamp)
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .addColumn('updated_at', timestamp, (c) => c.notNull())
      .addColumn('delivered_at', timestamp)
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_due_idx')
      .on('webhook_deliveries')
      .column('next_attempt_at')
      .where(sql.ref('status'), '=', 'pending')
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_webhook_idx')
      .on('webhook_deliveries')
      .columns(['webhook_id', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_event_idx')
      .on('webhook_deliveries')
      .column('event_id')
      .execute();

    await db.schema
      .createTable('webhook_delivery_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('delivery_id', 'text', (c) =>
        c.notNull().references('webhook_deliveries.id').onDelete('cascade'),
      )
      .addColumn('trigger', 'text', (c) =>
        c.notNull().check(sqlIn('trigger', ['automatic', 'manual'])),
      )
      .addColumn('attempted_at', timestamp, (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('error', 'text')
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('response_excerpt', 'text')
      .execute();
    await db.schema
      .createIndex('webhook_delivery_attempts_delivery_idx')
      .on('webhook_delivery_attempts')
      .columns(['delivery_id', 'attempted_at'])
      .execute();

    await db.schema
      .createTable('api_key_leaks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('api_key_id', 'text', (c) =>
        c.notNull().references('api_keys.id').onDelete('cascade'),
      )
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) =>
        c.notNull().check(sqlIn('source', ['github', 'public_report'])),
      )
      .addColumn('url', 'text')
      .addColumn('action', 'text', (c) =>
        c.notNull().check(sqlIn('action', ['revoked', 'notified'])),
      )
      .addColumn('reported_at', timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('api_key_leaks_key_idx')
      .on('api_key_leaks')
      .columns(['api_key_id', 'reported_at'])
      .execute();

    await db.schema
      .createTable('api_key_event_marks')
      .addColumn('api_key_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('mark', 'text', (c) => c.notNull())
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('api_key_event_marks_pkey', ['api_key_id', 'kind', 'mark'])
      .execute();

    await db.schema
      .createTable('pending_key_revocations')
      .addColumn('key_hash', 'text', (c) => c.primaryKey())
      .addColumn('reported_at', timestamp, (c) => c.notNull())
      .addColumn('lease_expires_at', timestamp)
      .execute();

    // What the expiry sweeper reads: keys with an expiry that were not revoked.
    await db.schema
      .createIndex('api_keys_expiry_idx')
      .on('api_keys')
      .column('expires_at')
      .where(sql.ref('revoked_at'), 'is', null)
      .execute();
  },
};
