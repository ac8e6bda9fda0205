import { createPostgresDatabase } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** SPEC §2: a change on one node reaches every other node within 1 s. */
const PROPAGATION_LIMIT_MS = 1_000;

type Transport = 'postgres' | 'redis';

/**
 * Two server processes on one fresh PostgreSQL database. Node B has the key cached (it served
 * it before); the change is made on node A; B is asked every 10 ms until it refuses.
 */
function twoNodeSuite(transport: Transport) {
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;
  let databaseUrl: string;
  let dropDatabase: () => Promise<void>;
  let adminKey: string;

  beforeAll(async () => {
    const created = await createPostgresDatabase(TEST_DATABASE_URL as string);
    databaseUrl = created.url;
    dropDatabase = created.drop;
    const env: Record<string, string> = { ONEPIN_DATABASE_URL: databaseUrl };
    if (transport === 'redis') {
      env.ONEPIN_REDIS_URL = TEST_REDIS_URL as string;
      env.ONEPIN_REDIS_PREFIX = uniqueRedisPrefix();
    }
    // A first, alone: it applies the migrations.
    nodeA = await startServerProcess(env, { name: runName(`${transport}-node-a`) });
    nodeB = await startServerProcess(env, { name: runName(`${transport}-node-b`) });
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

  async function createKey(body: Record<string, unknown> = {}) {
    const created = await api(nodeA.url, 'POST', '/api/v1/api-keys', {
      key: adminKey,
      body: { name: 'propagation', scopes: ['workspace:read'], ...body },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { id: created.body.data.id as string, key: created.body.data.api_key as string };
  }

  /** Makes B cache the key: two successful calls, the second one served from memory. */
  async function warmOnB(key: string) {
    for (let i = 0; i < 2; i++) {
      expect((await api(nodeB.url, 'GET', '/api/v1/workspaces/current', { key })).status).toBe(200);
    }
  }

  /** Runs `change` on A and measures until `refused` holds on B. */
  async function measure(
    what: string,
    change: () => Promise<void>,
    refused: () => Promise<boolean>,
  ) {
    const started = performance.now();
    await change();
    await waitFor(refused, { intervalMs: 10, timeoutMs: 5_000, what: `${what} on node B` });
    const delay = Math.round(performance.now() - started);
    console.log(`[${transport}] ${what} on node A reached node B after ${delay} ms`);
    expect(delay).toBeLessThan(PROPAGATION_LIMIT_MS);
  }

  const status = async (key: string, path = '/api/v1/workspaces/current') =>
    (await api(nodeB.url, 'GET', path, { key })).status;

  it('a revocation on A is refused by B within 1 s', async () => {
    const { id, key } = await createKey();
    await warmOnB(key);
    await measure(
      'revocation',
      async () => {
        expect(
          (await api(nodeA.url, 'DELETE', `/api/v1/api-keys/${id}`, { key: adminKey })).status,
        ).toBe(200);
      },
      async () => (await status(key)) === 401,
    );
  });

  it('a rotation on A retires the old key on B within 1 s, and B accepts the new one', async () => {
    const { id, key } = await createKey();
    await warmOnB(key);
    let newKey = '';
    await measure(
      'rotation',
      async () => {
        const rotated = await api(nodeA.url, 'PATCH', `/api/v1/api-keys/${id}/rotate`, {
          key: adminKey,
          body: { grace_period_seconds: 0 },
        });
        expect(rotated.status).toBe(200);
        newKey = rotated.body.data.new_key.api_key;
      },
      async () => (await status(key)) === 401,
    );
    expect(await status(newKey)).toBe(200);
  });

  it('an update on A (scope removed, then deactivated) reaches B within 1 s', async () => {
    const { id, key } = await createKey({ scopes: ['workspace:read', 'api_keys:read'] });
    await warmOnB(key);
    await measure(
      'scope removal',
      async () => {
        const updated = await api(nodeA.url, 'PATCH', `/api/v1/api-keys/${id}`, {
          key: adminKey,
          body: { scopes: ['api_keys:read'] },
        });
        expect(updated.status).toBe(200);
      },
      async () => (await status(key)) === 403,
    );
    expect(await status(key, '/api/v1/api-keys')).toBe(200);
    await measure(
      'deactivation',
      async () => {
        const updated = await api(nodeA.url, 'PATCH', `/api/v1/api-keys/${id}`, {
          key: adminKey,
          body: { active: false },
        });
        expect(updated.status).toBe(200);
      },
      async () => (await status(key, '/api/v1/api-keys')) === 401,
    );
  });

  it('a new expiry set on A holds on B: refused within 1 s of expiring', async () => {
    const { id, key } = await createKey();
    await warmOnB(key);
    const expiresAt = Date.now() + 600;
    const updated = await api(nodeA.url, 'PATCH', `/api/v1/api-keys/${id}`, {
      key: adminKey,
      body: { expires_at: new Date(expiresAt).toISOString() },
    });
    expect(updated.status).toBe(200);
    await waitFor(async () => (await status(key)) === 401, { what: 'expiry on node B' });
    const late = Math.round(Date.now() - expiresAt);
    console.log(
      `[${transport}] expiry set on node A held on node B ${late} ms after the key expired`,
    );
    expect(late).toBeLessThan(PROPAGATION_LIMIT_MS);
  });

  if (transport !== 'redis') return; // without Redis, each node counts for itself (README)

  it('shares a key’s rate limit between the nodes: N requests split over A and B pass, the next gets 429', async () => {
    const limit = 10;
    // A minute boundary between the requests would reset the window: then try again.
    for (let attempt = 0; attempt < 2; attempt++) {
      const { key } = await createKey({ rate_limit_per_min: limit });
      const responses = [];
      for (let i = 0; i <= limit; i++) {
        const node = i % 2 === 0 ? nodeA : nodeB;
        responses.push(await api(node.url, 'GET', '/api/v1/workspaces/current', { key }));
      }
      const resets = new Set(responses.map((r) => r.headers.get('x-ratelimit-reset')));
      if (resets.size > 1) continue;
      const passed = responses.slice(0, limit);
      expect(passed.map((r) => r.status)).toEqual(Array(limit).fill(200));
      expect(passed.map((r) => Number(r.headers.get('x-ratelimit-remaining')))).toEqual(
        Array.from({ length: limit }, (_, i) => limit - 1 - i),
      );
      const limited = responses[limit] as (typeof responses)[number];
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('x-ratelimit-limit')).toBe(String(limit));
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      return;
    }
    throw new Error('two attempts straddled a minute boundary');
  });
}

describe.skipIf(!TEST_DATABASE_URL)('two nodes, PostgreSQL LISTEN/NOTIFY', () => {
  twoNodeSuite('postgres');
});

describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)('two nodes, Redis pub/sub', () => {
  twoNodeSuite('redis');
});
