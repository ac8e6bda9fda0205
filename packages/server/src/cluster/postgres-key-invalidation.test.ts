import { randomBytes } from 'node:crypto';
import { type DatabaseHandle, openDatabase } from '@onepin/db';
import { createPostgresDatabase } from '@onepin/db/test-support';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VerificationCache } from '../auth/verification-cache.js';
import { createLogger } from '../logger.js';
import { changeKeys } from '../services/key-invalidation.js';
import { cacheKey, eventually } from '../test-support/cached-key.js';
import { PostgresKeyInvalidation } from './postgres-key-invalidation.js';

const postgresUrl = process.env.ONEPIN_TEST_DATABASE_URL?.trim() || undefined;
const hash = () => randomBytes(32).toString('hex');

describe.skipIf(!postgresUrl)('PostgresKeyInvalidation (LISTEN/NOTIFY)', () => {
  let url: string;
  let drop: () => Promise<void>;
  let database: DatabaseHandle;
  const started: PostgresKeyInvalidation[] = [];

  beforeAll(async () => {
    ({ url, drop } = await createPostgresDatabase(postgresUrl as string));
    database = openDatabase({ url, maxConnections: 2 });
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((node) => node.close()));
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  async function startNode() {
    const cache = new VerificationCache({ ttlMs: 60_000, maxEntries: 1_000, now: Date.now });
    const invalidation = new PostgresKeyInvalidation({
      connectionString: url,
      cache,
      logger: createLogger('silent'),
    });
    await invalidation.start();
    started.push(invalidation);
    return {
      cache,
      invalidation,
      deps: { database, clock: { now: Date.now }, keyInvalidation: invalidation },
    };
  }

  const commit = (deps: Parameters<typeof changeKeys>[0], hashes: string[]) =>
    changeKeys(deps, null, hashes, async (trx) => {
      await sql`select 1`.execute(trx);
    });

  it('evicts on the changing node at once and on the others when the transaction commits', async () => {
    const a = await startNode();
    const b = await startNode();
    const h = hash();
    cacheKey(a.cache, h);
    cacheKey(b.cache, h);
    await commit(a.deps, [h]);
    expect(a.cache.get(h)).toBeUndefined();
    await eventually(() => b.cache.get(h) === undefined, 1_000, 'eviction on node B');
  });

  it('sends nothing when the transaction rolls back', async () => {
    const a = await startNode();
    const b = await startNode();
    const [rolledBack, marker] = [hash(), hash()];
    cacheKey(b.cache, rolledBack);
    cacheKey(b.cache, marker);
    await expect(
      changeKeys(a.deps, null, [rolledBack], async () => {
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    await commit(a.deps, [marker]);
    // Notifications arrive in commit order: once the marker is gone, nothing else is coming.
    await eventually(() => b.cache.get(marker) === undefined);
    expect(b.cache.get(rolledBack)).toBeDefined();
  });

  it('delivers a batch larger than one NOTIFY payload in full', async () => {
    const a = await startNode();
    const b = await startNode();
    const hashes = Array.from({ length: 250 }, hash);
    for (const h of hashes) cacheKey(b.cache, h);
    await commit(a.deps, hashes);
    await eventually(() => b.cache.size === 0, 2_000, 'eviction of 250 keys');
  });

  it('skips its own messages (it evicted already)', async () => {
    const a = await startNode();
    const b = await startNode();
    const generation = a.cache.generation;
    await commit(a.deps, [hash()]);
    const marker = hash();
    cacheKey(a.cache, marker);
    await commit(b.deps, [marker]);
    await eventually(() => a.cache.get(marker) === undefined);
    // One bump for its own local eviction, one for B's message; none for its own echo.
    expect(a.cache.generation).toBe(generation + 2);
  });

  it('reconnects after losing its connection, clears its cache, and hears changes again', async () => {
    const a = await startNode();
    const b = await startNode();
    const h = hash();
    cacheKey(b.cache, h);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where application_name = 'onepin-invalidation' and datname = current_database()`.execute(
      database.db,
    );
    // Whatever was sent while it was away is lost, so it forgets everything once back.
    await eventually(() => b.invalidation.listening && b.cache.size === 0, 5_000, 'reconnection');
    await eventually(() => a.invalidation.listening, 5_000, 'reconnection of A');
    const after = hash();
    cacheKey(b.cache, after);
    await commit(a.deps, [after]);
    await eventually(() => b.cache.get(after) === undefined, 1_000, 'eviction after reconnecting');
  });
});
