import { createHash } from 'node:crypto';
import { createPostgresDatabase } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAdminDeps } from '../packages/server/src/admin/admin-context.js';
import { readConfig } from '../packages/server/src/config.js';
import {
  createServiceToken,
  revokeServiceTokenById,
} from '../packages/server/src/services/service-tokens.js';
import { readSse } from '../packages/server/src/test-support/sse.js';
import {
  runName,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
} from './helpers/environment.js';
import { api, waitFor } from './helpers/http.js';
import { expectNoKeysStored } from './helpers/no-keys-stored.js';
import { seedWorkspace } from './helpers/seed.js';
import {
  type ServerProcess,
  startServerProcess,
  stopAllServers,
} from './helpers/server-process.js';

type Transport = 'postgres' | 'redis';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Two server processes on one PostgreSQL database: a change made on node A reaches a verify
 * events stream open on node B (through LISTEN/NOTIFY, or Redis), and a service token revoked
 * by the admin command is refused by both nodes at once.
 */
function twoNodeSuite(transport: Transport) {
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;
  let databaseUrl: string;
  let dropDatabase: () => Promise<void>;
  let adminKey: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    const created = await createPostgresDatabase(TEST_DATABASE_URL as string);
    databaseUrl = created.url;
    dropDatabase = created.drop;
    env = { ONEPIN_DATABASE_URL: databaseUrl };
    if (transport === 'redis') {
      env.ONEPIN_REDIS_URL = TEST_REDIS_URL as string;
      env.ONEPIN_REDIS_PREFIX = uniqueRedisPrefix();
    }
    nodeA = await startServerProcess(env, { name: runName(`verify-${transport}-a`) });
    nodeB = await startServerProcess(env, { name: runName(`verify-${transport}-b`) });
    adminKey = (await seedWorkspace(databaseUrl)).adminKey;
  });

  afterAll(async () => {
    await Promise.all([nodeA?.stop(), nodeB?.stop()].filter(Boolean));
    await stopAllServers();
    if (databaseUrl) {
      try {
        await expectNoKeysStored(databaseUrl);
      } finally {
        await dropDatabase();
      }
    }
  });

  /** What `onepin-server admin` does: the configured database, the nodes told of changes. */
  const asAdmin = <T>(run: Parameters<typeof withAdminDeps<T>>[1]) =>
    withAdminDeps(readConfig({ ...env, ONEPIN_DATA_DIR: '/tmp' }), run);

  async function createKey() {
    const created = await api(nodeA.url, 'POST', '/api/v1/api-keys', {
      key: adminKey,
      body: { name: 'verified', scopes: ['workspace:read'] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { id: created.body.data.id as string, key: created.body.data.api_key as string };
  }

  it('a revocation on A reaches a stream on B, within 1 s', async () => {
    const { token } = await asAdmin((deps) =>
      createServiceToken(deps, { name: `e2e ${transport}`, createdBy: null }),
    );
    const { id, key } = await createKey();
    const verified = await api(nodeB.url, 'POST', '/api/v1/keys/verify', {
      key: token,
      body: { key },
    });
    expect(verified.body.data.code).toBe('VALID');

    const response = await fetch(`${nodeB.url}/api/v1/keys/verify/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const stream = readSse(response);
    try {
      expect((await stream.nextEvent())?.event).toBe('ready');
      const started = performance.now();
      expect(
        (await api(nodeA.url, 'DELETE', `/api/v1/api-keys/${id}`, { key: adminKey })).status,
      ).toBe(200);
      const event = await stream.nextEvent(2_000);
      const delay = Math.round(performance.now() - started);
      console.log(`[${transport}] revocation on A reached a stream on B after ${delay} ms`);
      expect(event?.event).toBe('invalidate');
      expect(JSON.parse(event?.data ?? '')).toEqual({ key_hash: sha256(key), reason: 'revoked' });
      expect(delay).toBeLessThan(1_000);
    } finally {
      await stream.close();
    }
    expect(
      (await api(nodeB.url, 'POST', '/api/v1/keys/verify', { key: token, body: { key } })).body.data
        .code,
    ).toBe('INVALID');
  });

  it('a service token revoked by the admin command is refused by both nodes at once', async () => {
    const made = await asAdmin((deps) =>
      createServiceToken(deps, { name: `revoked ${transport}`, createdBy: null }),
    );
    const verify = (node: ServerProcess) =>
      api(node.url, 'POST', '/api/v1/keys/verify', { key: made.token, body: { key: 'x' } });
    // Both nodes have it cached.
    for (const node of [nodeA, nodeB]) expect((await verify(node)).status).toBe(200);
    await asAdmin((deps) => revokeServiceTokenById(deps, made.id));
    for (const node of [nodeA, nodeB]) {
      const delay = await waitFor(async () => (await verify(node)).status === 401, {
        timeoutMs: 3_000,
        what: 'the revoked service token refused',
      });
      expect(delay).toBeLessThan(1_000);
    }
  });

  it('ends its event streams on graceful shutdown', async () => {
    const { token } = await asAdmin((deps) =>
      createServiceToken(deps, { name: `shutdown ${transport}`, createdBy: null }),
    );
    const node = await startServerProcess(env, { name: runName(`verify-${transport}-c`) });
    const response = await fetch(`${node.url}/api/v1/keys/verify/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const stream = readSse(response);
    expect((await stream.nextEvent())?.event).toBe('ready');
    const started = performance.now();
    expect(await node.stop('SIGTERM', 10_000)).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await stream.nextEvent(2_000)).toBeNull();
  });
}

describe.skipIf(!TEST_DATABASE_URL)(
  'verify events across two nodes: PostgreSQL LISTEN/NOTIFY',
  () => twoNodeSuite('postgres'),
);
describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)(
  'verify events across two nodes: Redis',
  () => twoNodeSuite('redis'),
);
