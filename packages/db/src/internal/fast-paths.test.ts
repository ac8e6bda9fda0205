import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connection.js';
import { findApiKeyForAuthentication } from '../repositories/api-key-authentication.js';
import { type ApiKeyUsage, writeApiKeyUsage } from '../repositories/api-key-usage.js';
import { type ApiKeyRecord, insertApiKey } from '../repositories/api-keys.js';
import { insertUser } from '../repositories/users.js';
import { insertWorkspace } from '../repositories/workspaces.js';
import {
  apiKeyRecord,
  dialectAvailable,
  type TestDatabase,
  testDialects,
} from '../test-support/index.js';
import * as fastPaths from './index.js';

const T0 = '2026-01-01T00:00:00.000Z';

const key = (id: string, overrides: Partial<ApiKeyRecord> = {}) =>
  apiKeyRecord({
    workspace_id: 'ws-fast',
    created_by: 'user-fast',
    name: `key ${id}`,
    ...overrides,
    id,
  });

/** Keys unlike each other in every column the fast paths read or write. */
const KEYS: ApiKeyRecord[] = [
  key('plain'),
  key('broad', { scopes: ['api_keys:write', 'templates:read', 'workspace:read'] }),
  key('revoked', { active: false, revoked_at: '2026-01-02T00:00:00.000Z' }),
  key('expiring', { expires_at: '2026-06-01T00:00:00.000Z', rate_limit_per_min: 5 }),
  key('test-type', { key_type: 'test', key_prefix: 'op_test_', scopes: [] }),
  key('orphan', { created_by: null, name: 'ünïcödé — 名前' }),
  key('used', { last_used_at: '2026-02-01T00:00:00.000Z' }),
];

type Check = (handle: DatabaseHandle) => Promise<void>;

/**
 * For every statement prepared by hand (every export of `internal/`), what shows that it
 * answers as its Kysely query does. The type makes a new export without a check a compile
 * error; the test below makes it a failure too.
 */
const CHECKS: Record<keyof typeof fastPaths, Check> = {
  async lookupApiKeyForAuthentication(handle) {
    for (const hash of [...KEYS.map((k) => k.key_hash), 'hash-unknown', '']) {
      const reference = await findApiKeyForAuthentication(handle.db, hash);
      // Twice: the first call prepares the statement, the second reuses it.
      expect(await fastPaths.lookupApiKeyForAuthentication(handle, hash)).toEqual(reference);
      expect(await fastPaths.lookupApiKeyForAuthentication(handle, hash)).toEqual(reference);
    }
  },

  async recordApiKeyUsage(handle) {
    // Two copies of the same keys: one written by the fast path, one by Kysely.
    const copies = { fast: 'usage-fast-', kysely: 'usage-kysely-' };
    for (const prefix of Object.values(copies)) {
      for (const k of KEYS) {
        await insertApiKey(
          handle.db,
          key(`${prefix}${k.id}`, { ...k, id: `${prefix}${k.id}`, key_hash: `${prefix}${k.id}` }),
        );
      }
    }
    const batches: ApiKeyUsage[][] = [
      [{ id: 'plain', lastUsedAt: '2026-03-01T00:00:00.000Z' }],
      [
        { id: 'used', lastUsedAt: '2026-01-15T00:00:00.000Z' }, // earlier: must not go back
        { id: 'broad', lastUsedAt: '2026-03-02T00:00:00.000Z' },
        { id: 'broad', lastUsedAt: '2026-03-01T00:00:00.000Z' }, // twice in one batch
        { id: 'no-such-key', lastUsedAt: '2026-03-02T00:00:00.000Z' },
      ],
      [{ id: 'plain', lastUsedAt: '2026-03-01T00:00:00.000Z' }], // the same time again
      [],
    ];
    const as = (prefix: string, batch: ApiKeyUsage[]) =>
      batch.map(({ id, lastUsedAt }) => ({ id: `${prefix}${id}`, lastUsedAt }));
    for (const batch of batches) {
      await fastPaths.recordApiKeyUsage(handle, as(copies.fast, batch));
      await writeApiKeyUsage(handle.db, as(copies.kysely, batch));
    }
    const rows = async (prefix: string) =>
      (
        await handle.db
          .selectFrom('api_keys')
          .selectAll()
          .where('id', 'like', `${prefix}%`)
          .orderBy('id')
          .execute()
      ).map(({ id, key_hash, ...row }) => ({ id: id.slice(prefix.length), ...row }));
    const fast = await rows(copies.fast);
    expect(fast).toEqual(await rows(copies.kysely));
    expect(fast.find((row) => row.id === 'used')?.last_used_at).toBe('2026-02-01T00:00:00.000Z');
    expect(fast.find((row) => row.id === 'broad')?.last_used_at).toBe('2026-03-02T00:00:00.000Z');
  },
};

describe.each(testDialects)('$name: the hand-prepared statements', (dialect) => {
  let test: TestDatabase;
  const run = it.skipIf(!dialectAvailable(dialect));

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    test = await dialect.create();
    const db = test.handle.db;
    await insertUser(db, {
      id: 'user-fast',
      email: 'fast@example.com',
      password_hash: null,
      created_at: T0,
      updated_at: T0,
    });
    await insertWorkspace(db, {
      id: 'ws-fast',
      name: 'Fast — ワークスペース',
      slug: 'fast',
      created_by: 'user-fast',
      created_at: T0,
      updated_at: T0,
    });
    for (const k of KEYS) await insertApiKey(db, k);
  });
  afterAll(async () => test?.dispose());

  it('have a check each', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(Object.keys(fastPaths).sort());
  });

  for (const name of Object.keys(CHECKS) as Array<keyof typeof fastPaths>) {
    run(`${name} returns the rows its Kysely query returns`, () => CHECKS[name](test.handle));
  }
});

describe('the fence around them', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory())
        return ['internal', 'test-support'].includes(entry.name) ? [] : sources(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
    });

  it('nothing else in @onepin/db prepares SQL by hand or reaches the raw connections', () => {
    const offenders = sources(root)
      // connection.ts opens the connections; sqlite-server-lock.ts holds a lock file of its
      // own, not the data.
      .filter((file) => !['connection.ts', 'sqlite-server-lock.ts'].includes(relative(root, file)))
      .filter((file) =>
        /\.(sqlite|pool)\b|\.prepare\(|\.compile\(\)/.test(readFileSync(file, 'utf8')),
      )
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
