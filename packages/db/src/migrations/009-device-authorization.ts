import { type OnePinMigration, sqlIn } from './kit.js';

/**
 * `onepin login --web` (issue 15): the OAuth 2.0 device authorization grant (RFC 8628).
 *
 * `device_authorizations` holds one sign-in asked for by a device (the CLI): the hashes of its
 * two codes, what the device said about itself and the address the server saw, its polling
 * state, and once a signed-in member decides, who decided and what the key may do. The key
 * itself is made only when the device collects it, so its plaintext is never stored: the row
 * then points at the key (`api_key_id`).
 *
 * `api_keys.created_via` marks the keys device login made (`device_login`; null for every
 * other key): only such a key may revoke itself (`onepin logout`). It stays nullable so nodes
 * of the previous version can still insert keys during a rolling upgrade.
 */
export const deviceAuthorization: OnePinMigration = {
  async up(db, { timestamp }) {
    await db.schema
      .createTable('device_authorizations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sqlIn('status', ['pending', 'approved', 'denied', 'consumed'])),
      )
      .addColumn('client_name', 'text')
      .addColumn('client_version', 'text')
      .addColumn('host_name', 'text')
      .addColumn('os', 'text')
      .addColumn('ip_address', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('interval_seconds', 'integer', (c) => c.notNull())
      .addColumn('last_polled_at', timestamp)
      .addColumn('created_at', timestamp, (c) => c.notNull())
      .addColumn('expires_at', timestamp, (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('decided_at', timestamp)
      .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id').onDelete('cascade'))
      .addColumn('key_type', 'text', (c) => c.check(sqlIn('key_type', ['live', 'test'])))
      .addColumn('scopes', 'text')
      .addColumn('key_expires_at', timestamp)
      .addColumn('api_key_id', 'text', (c) => c.references('api_keys.id').onDelete('set null'))
      .execute();
    await db.schema
      .createIndex('device_authorizations_expires_idx')
      .on('device_authorizations')
      .column('expires_at')
      .execute();

    await db.schema.alterTable('api_keys').addColumn('created_via', 'text').execute();
  },
};
