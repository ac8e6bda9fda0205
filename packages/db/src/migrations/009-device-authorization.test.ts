import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectAvailable, type TestDatabase, testDialects } from '../test-support/index.js';
import { deviceAuthorization } from './009-device-authorization.js';

const T0 = '2026-01-01T00:00:00.000Z';

describe.each(testDialects)('$name: migration 009-device-authorization', (dialect) => {
  let test: TestDatabase;
  const run = it.skipIf(!dialectAvailable(dialect));

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    test = await dialect.create();
  });
  afterAll(async () => test?.dispose());

  run('marks no existing key as made by device login, and adds the sign-ins table', async () => {
    const db = test.handle.db;
    // The schema as it was before the migration, with a key made before it ran.
    await sql`DROP TABLE device_authorizations`.execute(db);
    await sql`ALTER TABLE api_keys DROP COLUMN created_via`.execute(db);
    await sql`INSERT INTO users (id, email, created_at, updated_at)
      VALUES ('u', 'u@example.com', ${T0}, ${T0})`.execute(db);
    await sql`INSERT INTO workspaces (id, name, slug, created_by, created_at, updated_at)
      VALUES ('w', 'w', 'w', 'u', ${T0}, ${T0})`.execute(db);
    await sql`INSERT INTO api_keys (id, workspace_id, created_by, name, key_type, key_hash,
        key_prefix, key_suffix, scopes, active, created_at, updated_at)
      VALUES ('old', 'w', 'u', 'old', 'live', 'hash-old', 'op_live_', 'AbCd', '[]', 1,
        ${T0}, ${T0})`.execute(db);

    await deviceAuthorization.up(db, {
      dialect: test.handle.dialect,
      timestamp: test.handle.dialect === 'postgres' ? 'timestamptz' : 'text',
    });

    const keys = await db.selectFrom('api_keys').select(['id', 'created_via']).execute();
    expect(keys).toEqual([{ id: 'old', created_via: null }]);
    await expect(db.selectFrom('device_authorizations').selectAll().execute()).resolves.toEqual([]);
    // A status outside the four is refused by the database itself.
    await expect(
      sql`INSERT INTO device_authorizations (id, device_code_hash, user_code_hash, status,
          interval_seconds, created_at, expires_at)
        VALUES ('d', 'dh', 'uh', 'granted', 5, ${T0}, ${T0})`.execute(db),
    ).rejects.toThrow();
  });
});
