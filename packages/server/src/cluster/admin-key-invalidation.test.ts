import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresDialect, sqliteDialect, type TestDatabase } from '@onepin/db/test-support';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withAdminDeps } from '../admin/admin-context.js';
import { VerificationCache } from '../auth/verification-cache.js';
import { readConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { changeKeys } from '../services/key-invalidation.js';
import { cacheKey, eventually } from '../test-support/cached-key.js';
import { adminKeyInvalidation } from './admin-key-invalidation.js';
import { PostgresKeyInvalidation } from './postgres-key-invalidation.js';
import { connectRedis } from './redis-connections.js';
import { RedisKeyInvalidation, redisInvalidationChannel } from './redis-key-invalidation.js';

const postgresUrl = process.env.ONEPIN_TEST_DATABASE_URL?.trim() || undefined;
const redisUrl = process.env.ONEPIN_TEST_REDIS_URL?.trim() || undefined;
const hash = () => randomBytes(32).toString('hex');
const newCache = () => new VerificationCache({ ttlMs: 60_000, maxEntries: 100, now: Date.now });

/** What an admin command that changes keys does: one committed transaction, then invalidate. */
const changeAsAdmin = (env: Record<string, string>, hashes: string[]) =>
  withAdminDeps(readConfig(env), (deps) =>
    changeKeys(deps, null, hashes, async (trx) => {
      await sql`select 1`.execute(trx);
    }),
  );

describe('the admin commands tell running servers of key changes', () => {
  const cleanups: Array<() => Promise<void>> = [];
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'onepin-admin-invalidation-'));
  });
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it.skipIf(!postgresUrl)('on PostgreSQL: NOTIFY, heard by a listening node', async () => {
    const database: TestDatabase = await postgresDialect.create();
    const cache = newCache();
    const node = new PostgresKeyInvalidation({
      connectionString: database.url,
      cache,
      logger: createLogger('silent'),
    });
    await node.start();
    cleanups.push(async () => {
      await node.close();
      await database.dispose();
    });
    const changed = hash();
    cacheKey(cache, changed);
    await changeAsAdmin({ ONEPIN_DATABASE_URL: database.url, ONEPIN_DATA_DIR: dataDir }, [changed]);
    await eventually(() => cache.get(changed) === undefined, 2_000, 'eviction on the node');
  });

  it.skipIf(!redisUrl)('with Redis: a publish on the deployment channel', async () => {
    const prefix = `onepin-test-${randomBytes(6).toString('hex')}:`;
    const redis = await connectRedis(redisUrl as string, createLogger('silent'), prefix);
    const cache = newCache();
    const node = new RedisKeyInvalidation({
      publisher: redis.commands,
      subscriber: redis.subscriber,
      channel: redisInvalidationChannel(prefix),
      cache,
      logger: createLogger('silent'),
    });
    await node.start();
    cleanups.push(async () => {
      await node.close();
      await redis.close();
    });
    const changed = hash();
    cacheKey(cache, changed);
    await changeAsAdmin(
      {
        ONEPIN_DATA_DIR: dataDir,
        ONEPIN_REDIS_URL: redisUrl as string,
        ONEPIN_REDIS_PREFIX: prefix,
      },
      [changed],
    );
    await eventually(() => cache.get(changed) === undefined, 2_000, 'eviction on the node');
  });

  it('on SQLite: nothing to tell and nothing held open (see adminKeyInvalidation)', async () => {
    const database = await sqliteDialect.create();
    try {
      const { keyInvalidation, close } = adminKeyInvalidation(
        { redisUrl: undefined, redisPrefix: 'x:' },
        database.handle,
      );
      expect(keyInvalidation.announce).toBeUndefined();
      await expect(keyInvalidation.invalidate([hash()])).resolves.toBeUndefined();
      await close();
    } finally {
      await database.dispose();
    }
  });

  it('with Redis unreachable: warns and finishes, the change being committed', async () => {
    const database = await sqliteDialect.create();
    const warnings: string[] = [];
    try {
      const admin = adminKeyInvalidation(
        // Port 1 on the loopback: connections are refused at once.
        { redisUrl: 'redis://127.0.0.1:1', redisPrefix: 'x:' },
        database.handle,
        (line) => warnings.push(line),
      );
      await admin.keyInvalidation.invalidate([hash()]);
      await admin.close();
      expect(warnings).toEqual([expect.stringContaining('within the cache TTL')]);
    } finally {
      await database.dispose();
    }
  });
});
