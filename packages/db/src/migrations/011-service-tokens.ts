import { sql } from 'kysely';
import type { OnePinMigration } from './kit.js';

/**
 * Protecting the operator's own services with OnePin keys (issue 14).
 *
 * `service_tokens`: the credential of those services (`op_svc_…`), allowed to call only the
 * verify API; stored as its SHA-256 like a key. Made by instance admins, so `users` gains
 * `instance_admin`; an existing database's earliest user (the one setup made) becomes one.
 *
 * `key_invalidation_events`: one row per key hash whose cached verification stopped being
 * true (revoked, rotated, updated…), written in the transaction of the change, so the verify
 * events stream can replay what a remote cache missed (`Last-Event-ID`). `seq` orders them
 * across nodes: the database assigns it.
 *
 * `api_key_verification_counts`: the verify API's audit, in aggregate: one counter per key
 * per hour instead of a row per verification.
 */
export const serviceTokens: OnePinMigration = {
  async up(db, { dialect, timestamp }) {
    await db.schema
      .createTable('service_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('token_prefix', 'text', (c) => c.notNull())
      .addColumn('token_suffix', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .addColumn('last_used_at', timestamp)
      .addColumn('revoked_at', timestamp)
      .execute();

    await db.schema
      .alterTable('users')
      .addColumn('instance_admin', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`update users set instance_admin = 1
      where id = (select id from users order by created_at, id limit 1)`.execute(db);

    await db.schema
      .createTable('key_invalidation_events')
      .addColumn('seq', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('key_hash', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('key_invalidation_events_created_idx')
      .on('key_invalidation_events')
      .column('created_at')
      .execute();

    await db.schema
      .createTable('api_key_verification_counts')
      .addColumn('api_key_id', 'text', (c) =>
        c.notNull().references('api_keys.id').onDelete('cascade'),
      )
      .addColumn('period_start', timestamp, (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('api_key_verification_counts_pk', ['api_key_id', 'period_start'])
      .execute();
  },
};
