import { generateApiKey } from '@onepin/core';
import { createPostgresDatabase } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runName } from './helpers/environment.js';
import { api, waitFor } from './helpers/http.js';
import { expectNoKeysStored } from './helpers/no-keys-stored.js';
import { seedWorkspace } from './helpers/seed.js';
import {
  type ServerProcess,
  startServerProcess,
  stopAllServers,
} from './helpers/server-process.js';
import {
  createThrowawayPostgres,
  type ThrowawayPostgres,
  throwawayPostgresAvailability,
} from './helpers/throwaway-postgres.js';

const availability = throwawayPostgresAvailability();
const required = process.env.CI === 'true';
if (!availability.ok && !required) {
  console.warn(`Skipping the PostgreSQL restart test: ${availability.reason}`);
}

/**
 * Two nodes on a PostgreSQL of this test's own, which crashes (`pg_ctl stop -m immediate`) and
 * comes back: the nodes keep answering (503 where the database is needed, cached keys still
 * work), and recover without a restart, LISTEN connection included.
 */
describe.skipIf(!availability.ok && !required)('a PostgreSQL restart under running nodes', () => {
  let postgres: ThrowawayPostgres;
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;
  let adminKey: string;
  let databaseUrl: string;

  beforeAll(async () => {
    postgres = await createThrowawayPostgres();
    const { url } = await createPostgresDatabase(postgres.url);
    databaseUrl = url;
    const env = {
      ONEPIN_DATABASE_URL: url,
      ONEPIN_FAILED_AUTH_LIMIT_PER_MIN: '1000000',
    };
    nodeA = await startServerProcess(env, { name: runName('pg-restart-a') });
    nodeB = await startServerProcess(env, { name: runName('pg-restart-b') });
    adminKey = (await seedWorkspace(url)).adminKey;
  }, 90_000);

  afterAll(async () => {
    await Promise.all([nodeA?.stop(), nodeB?.stop()].filter(Boolean));
    await stopAllServers();
    if (databaseUrl) await expectNoKeysStored(databaseUrl);
    await postgres?.destroy();
  });

  it('answers 503 while the database is down, serves cached keys, and recovers by itself', async () => {
    const created = await api(nodeA.url, 'POST', '/api/v1/api-keys', {
      key: adminKey,
      body: { name: 'survivor', scopes: ['workspace:read'] },
    });
    expect(created.status).toBe(201);
    const { id, api_key: key } = created.body.data;
    for (const node of [nodeA, nodeB]) {
      expect((await api(node.url, 'GET', '/api/v1/workspaces/current', { key })).status).toBe(200);
      expect((await api(node.url, 'GET', '/api/v1/auth/whoami', { key })).status).toBe(200);
    }

    await postgres.stop('immediate');

    for (const node of [nodeA, nodeB]) {
      expect((await api(node.url, 'GET', '/health')).status).toBe(200);
      const ready = await api(node.url, 'GET', '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.problems).toContain('database unreachable');
      // A cached key needs no database.
      expect((await api(node.url, 'GET', '/api/v1/auth/whoami', { key })).status).toBe(200);
      // What needs the database is refused, quickly and retryably.
      const started = performance.now();
      const list = await api(node.url, 'GET', '/api/v1/api-keys', { key: adminKey });
      expect(list.status).toBe(503);
      expect(list.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(list.headers.get('retry-after')).toBeTruthy();
      expect(performance.now() - started).toBeLessThan(6_000);
      const unknown = await api(node.url, 'GET', '/api/v1/auth/whoami', {
        key: generateApiKey('live'),
      });
      expect(unknown.status).toBe(503);
    }

    await postgres.start();

    for (const node of [nodeA, nodeB]) {
      const ms = await waitFor(async () => (await api(node.url, 'GET', '/ready')).status === 200, {
        intervalMs: 100,
        timeoutMs: 20_000,
        what: `${node.name} ready again`,
      });
      console.log(
        `${node.name.replace(/-\d+-\w+$/, '')} was ready ${Math.round(ms)} ms after PostgreSQL restarted`,
      );
      expect((await api(node.url, 'GET', '/api/v1/api-keys', { key: adminKey })).status).toBe(200);
    }

    // The LISTEN connection came back: a revocation on A still reaches B within 1 s.
    expect((await api(nodeB.url, 'GET', '/api/v1/workspaces/current', { key })).status).toBe(200);
    const started = performance.now();
    expect(
      (await api(nodeA.url, 'DELETE', `/api/v1/api-keys/${id}`, { key: adminKey })).status,
    ).toBe(200);
    await waitFor(
      async () =>
        (await api(nodeB.url, 'GET', '/api/v1/workspaces/current', { key })).status === 401,
      { intervalMs: 10, timeoutMs: 5_000, what: 'revocation on node B after the restart' },
    );
    expect(performance.now() - started).toBeLessThan(1_000);
  }, 90_000);
});
