import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupApiKeyForAuthentication, recordApiKeyUsage } from '../internal/index.js';
import {
  apiKeyRecord,
  dialectAvailable,
  type TestDatabase,
  testDialects,
} from '../test-support/index.js';
import {
  type ApiKeyForAuthentication,
  findApiKeyForAuthentication,
} from './api-key-authentication.js';
import {
  type ApiKeyRecord,
  findApiKeyById,
  insertApiKey,
  listApiKeys,
  updateApiKey,
} from './api-keys.js';
import { insertUser } from './users.js';
import { insertWorkspace } from './workspaces.js';

const T0 = '2026-01-01T00:00:00.000Z';

/** What authentication reads of a stored key: the columns it checks or reports, no more. */
function forAuthentication(record: ApiKeyRecord, workspaceName: string): ApiKeyForAuthentication {
  return {
    id: record.id,
    workspace_id: record.workspace_id,
    workspace_name: workspaceName,
    // Every workspace of these tests was made by user-1.
    workspace_created_by: 'user-1',
    name: record.name,
    key_type: record.key_type,
    scopes: record.scopes,
    active: record.active,
    revoked_at: record.revoked_at,
    expires_at: record.expires_at,
    rate_limit_per_min: record.rate_limit_per_min,
    created_by: record.created_by,
    created_at: record.created_at,
    replaced_by: record.replaced_by,
    lineage_id: record.lineage_id ?? record.id,
  };
}

describe.each(testDialects)('$name: api-keys repository', (dialect) => {
  let test: TestDatabase;

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    test = await dialect.create();
    const db = test.handle.db;
    await insertUser(db, {
      id: 'user-1',
      email: 'a@example.com',
      password_hash: null,
      created_at: T0,
      updated_at: T0,
    });
    for (const id of ['ws-1', 'ws-2']) {
      await insertWorkspace(db, {
        id,
        name: id,
        slug: id,
        created_by: 'user-1',
        created_at: T0,
        updated_at: T0,
      });
    }
  });
  afterAll(async () => test?.dispose());

  it.skipIf(!dialectAvailable(dialect))('stores and finds a key by hash and by id', async () => {
    const db = test.handle.db;
    const record = apiKeyRecord({ id: 'k1', scopes: ['templates:read', 'workflows:read'] });
    await insertApiKey(db, record);
    expect(await findApiKeyForAuthentication(db, 'hash-k1')).toEqual(
      forAuthentication(record, 'ws-1'),
    );
    expect(await findApiKeyById(db, 'ws-1', 'k1')).toEqual({ ...record, leak: null });
    expect(await findApiKeyById(db, 'ws-2', 'k1')).toBeUndefined();
    expect(await findApiKeyForAuthentication(db, 'nope')).toBeUndefined();
  });

  it.skipIf(!dialectAvailable(dialect))(
    'finds a key for authentication, with its workspace name, on the request path as in the query',
    async () => {
      const db = test.handle.db;
      const record = apiKeyRecord({ id: 'auth-1', scopes: ['workspace:read'] });
      await insertApiKey(db, record);
      const expected = forAuthentication(record, 'ws-1');
      expect(await findApiKeyForAuthentication(db, 'hash-auth-1')).toEqual(expected);
      // Twice: the first call prepares the statement, the second reuses it.
      expect(await lookupApiKeyForAuthentication(test.handle, 'hash-auth-1')).toEqual(expected);
      expect(await lookupApiKeyForAuthentication(test.handle, 'hash-auth-1')).toEqual(expected);
      expect(await lookupApiKeyForAuthentication(test.handle, 'unknown')).toBeUndefined();
    },
  );

  it.skipIf(!dialectAvailable(dialect) || dialect.name !== 'postgres')(
    'still finds keys after a migration changes the table under a prepared lookup',
    async () => {
      const db = test.handle.db;
      await insertApiKey(db, apiKeyRecord({ id: 'before-ddl' }));
      for (let i = 0; i < 3; i++)
        await lookupApiKeyForAuthentication(test.handle, 'hash-before-ddl');
      await sql`ALTER TABLE api_keys ADD COLUMN bench_extra text`.execute(db);
      try {
        for (let i = 0; i < 3; i++) {
          const found = await lookupApiKeyForAuthentication(test.handle, 'hash-before-ddl');
          expect(found?.id).toBe('before-ddl');
        }
      } finally {
        await sql`ALTER TABLE api_keys DROP COLUMN bench_extra`.execute(db);
      }
    },
  );

  it.skipIf(!dialectAvailable(dialect))(
    'never finds a key that an open transaction inserted and then rolled back',
    async () => {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let inserted = () => {};
      const insertedYet = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const transaction = test.handle.db.transaction().execute(async (trx) => {
        await insertApiKey(trx, apiKeyRecord({ id: 'uncommitted' }));
        inserted();
        await held;
        throw new Error('roll back');
      });
      await insertedYet;
      const lookup = lookupApiKeyForAuthentication(test.handle, 'hash-uncommitted');
      release();
      await expect(transaction).rejects.toThrow('roll back');
      expect(await lookup).toBeUndefined();
    },
  );

  it.skipIf(!dialectAvailable(dialect))('refuses a second key with the same hash', async () => {
    const db = test.handle.db;
    await insertApiKey(db, apiKeyRecord({ id: 'dup-1', key_hash: 'same' }));
    await expect(
      insertApiKey(db, apiKeyRecord({ id: 'dup-2', key_hash: 'same' })),
    ).rejects.toThrow();
  });

  it.skipIf(!dialectAvailable(dialect))('lists by status, newest first, with a total', async () => {
    const db = test.handle.db;
    await insertApiKey(
      db,
      apiKeyRecord({ id: 'l1', workspace_id: 'ws-2', created_at: '2026-01-02T00:00:00.000Z' }),
    );
    await insertApiKey(
      db,
      apiKeyRecord({
        id: 'l2',
        workspace_id: 'ws-2',
        created_at: '2026-01-03T00:00:00.000Z',
        revoked_at: T0,
      }),
    );
    await insertApiKey(
      db,
      apiKeyRecord({
        id: 'l3',
        workspace_id: 'ws-2',
        key_type: 'test',
        created_at: '2026-01-04T00:00:00.000Z',
        expires_at: '2026-01-05T00:00:00.000Z',
      }),
    );
    const query = { workspaceId: 'ws-2', limit: 10, offset: 0 };
    const now = '2026-01-04T12:00:00.000Z';
    const ids = async (status: 'active' | 'revoked' | 'all', at = now) =>
      (await listApiKeys(db, { ...query, status, now: at })).items.map((k) => k.id);
    expect(await ids('all')).toEqual(['l3', 'l2', 'l1']);
    expect(await ids('active')).toEqual(['l3', 'l1']);
    expect(await ids('revoked')).toEqual(['l2']);
    expect(await ids('revoked', '2026-01-06T00:00:00.000Z')).toEqual(['l3', 'l2']);
    const page = await listApiKeys(db, { ...query, status: 'all', now, limit: 1, offset: 1 });
    expect(page.items.map((k) => k.id)).toEqual(['l2']);
    expect(page.total).toBe(3);
    const tests = await listApiKeys(db, { ...query, status: 'all', now, keyType: 'test' });
    expect(tests.items.map((k) => k.id)).toEqual(['l3']);
  });

  it.skipIf(!dialectAvailable(dialect))(
    'status=active returns keys with active:false: never again, and active + revoked = all',
    async () => {
      const db = test.handle.db;
      await insertWorkspace(db, {
        id: 'ws-status',
        name: 'ws-status',
        slug: 'ws-status',
        created_by: 'user-1',
        created_at: T0,
        updated_at: T0,
      });
      const at = (day: number) => `2026-02-0${day}T00:00:00.000Z`;
      const rows = [
        apiKeyRecord({ id: 's-usable', created_at: at(1) }),
        apiKeyRecord({ id: 's-deactivated', active: false, created_at: at(2) }),
        apiKeyRecord({
          id: 's-in-grace',
          replaced_by: 's-usable',
          expires_at: at(9),
          created_at: at(3),
        }),
        apiKeyRecord({
          id: 's-grace-over',
          replaced_by: 's-usable',
          expires_at: at(4),
          created_at: at(4),
        }),
        apiKeyRecord({ id: 's-revoked', active: false, revoked_at: at(5), created_at: at(5) }),
      ];
      for (const row of rows) await insertApiKey(db, { ...row, workspace_id: 'ws-status' });
      const ids = async (status: 'active' | 'revoked' | 'all') =>
        (
          await listApiKeys(db, {
            workspaceId: 'ws-status',
            status,
            now: at(6),
            limit: 10,
            offset: 0,
          })
        ).items
          .map((k) => k.id)
          .sort();
      expect(await ids('active')).toEqual(['s-in-grace', 's-usable']);
      expect(await ids('revoked')).toEqual(['s-deactivated', 's-grace-over', 's-revoked']);
      expect([...(await ids('active')), ...(await ids('revoked'))].sort()).toEqual(
        await ids('all'),
      );
    },
  );

  it.skipIf(!dialectAvailable(dialect))(
    'reads the lineage for authentication, and the own id for a row written without one',
    async () => {
      const db = test.handle.db;
      await insertApiKey(db, apiKeyRecord({ id: 'lin-old', lineage_id: 'lin-root' }));
      await insertApiKey(db, apiKeyRecord({ id: 'lin-none', lineage_id: null }));
      expect((await lookupApiKeyForAuthentication(test.handle, 'hash-lin-old'))?.lineage_id).toBe(
        'lin-root',
      );
      expect((await lookupApiKeyForAuthentication(test.handle, 'hash-lin-none'))?.lineage_id).toBe(
        'lin-none',
      );
    },
  );

  it.skipIf(!dialectAvailable(dialect))('updates only within the workspace', async () => {
    const db = test.handle.db;
    await insertApiKey(db, apiKeyRecord({ id: 'u1' }));
    const later = '2026-02-01T00:00:00.000Z';
    expect(await updateApiKey(db, 'ws-2', 'u1', { name: 'x', updated_at: later })).toBeUndefined();
    const updated = await updateApiKey(db, 'ws-1', 'u1', {
      name: 'renamed',
      active: false,
      scopes: ['workspace:read'],
      updated_at: later,
    });
    expect(updated).toMatchObject({ name: 'renamed', active: false, scopes: ['workspace:read'] });
    expect(updated?.updated_at).toBe(later);
  });

  it.skipIf(!dialectAvailable(dialect))('refuses an update based on a stale read', async () => {
    const db = test.handle.db;
    await insertApiKey(db, apiKeyRecord({ id: 'occ' }));
    const first = await updateApiKey(
      db,
      'ws-1',
      'occ',
      { name: 'a', updated_at: '2026-02-02T00:00:00.000Z' },
      T0,
    );
    expect(first?.name).toBe('a');
    const second = await updateApiKey(
      db,
      'ws-1',
      'occ',
      { name: 'b', updated_at: '2026-02-03T00:00:00.000Z' },
      T0,
    );
    expect(second).toBeUndefined();
  });

  it.skipIf(!dialectAvailable(dialect))('records usage without going back in time', async () => {
    const db = test.handle.db;
    await insertApiKey(db, apiKeyRecord({ id: 'used' }));
    await insertApiKey(db, apiKeyRecord({ id: 'used-2' }));
    await recordApiKeyUsage(test.handle, [{ id: 'used', lastUsedAt: '2026-03-02T00:00:00.000Z' }]);
    await recordApiKeyUsage(test.handle, [
      { id: 'used', lastUsedAt: '2026-03-01T00:00:00.000Z' },
      { id: 'used-2', lastUsedAt: '2026-03-01T00:00:00.000Z' },
    ]);
    expect((await findApiKeyById(db, 'ws-1', 'used'))?.last_used_at).toBe(
      '2026-03-02T00:00:00.000Z',
    );
    expect((await findApiKeyById(db, 'ws-1', 'used-2'))?.last_used_at).toBe(
      '2026-03-01T00:00:00.000Z',
    );
  });

  it.skipIf(!dialectAvailable(dialect))(
    'records usage that arrives while a transaction is open, and keeps it when that one rolls back',
    async () => {
      await insertApiKey(test.handle.db, apiKeyRecord({ id: 'used-3' }));
      const at = '2026-03-03T00:00:00.000Z';
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let inserted = () => {};
      const insertedYet = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const transaction = test.handle.db.transaction().execute(async (trx) => {
        await insertApiKey(trx, apiKeyRecord({ id: 'rolled-back' }));
        inserted();
        await held;
        throw new Error('roll back');
      });
      await insertedYet;
      const write = recordApiKeyUsage(test.handle, [{ id: 'used-3', lastUsedAt: at }]);
      release();
      await expect(transaction).rejects.toThrow('roll back');
      await write;
      expect((await findApiKeyById(test.handle.db, 'ws-1', 'used-3'))?.last_used_at).toBe(at);
    },
  );
});
