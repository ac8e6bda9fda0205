import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@onepin/db';
import { findKeysInDatabase } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runName } from './helpers/environment.js';
import { api } from './helpers/http.js';
import { rawConnection } from './helpers/raw-http.js';
import { seedWorkspace } from './helpers/seed.js';
import { startServerProcess, stopAllServers } from './helpers/server-process.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGTERM', () => {
  let directory: string;
  let databaseUrl: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'onepin-shutdown-'));
    databaseUrl = `sqlite:${join(directory, 'onepin.db')}`;
  });
  afterAll(async () => {
    await stopAllServers();
    rmSync(directory, { recursive: true, force: true });
  });

  it('lets in-flight requests finish, reports draining, refuses new connections, flushes last_used_at', async () => {
    const server = await startServerProcess(
      { ONEPIN_DATABASE_URL: databaseUrl },
      { name: runName('shutdown') },
    );
    const { adminKey } = await seedWorkspace(databaseUrl, ['api_keys:read', 'api_keys:write']);
    const used = await api(server.url, 'GET', '/api/v1/auth/whoami', { key: adminKey });
    expect(used.status).toBe(200);

    // A request whose body is still arriving, and one whose headers are, when SIGTERM comes.
    const body = JSON.stringify({ name: 'made during shutdown' });
    const slow = await rawConnection(server.url);
    slow.send(
      `POST /api/v1/api-keys HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${adminKey}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    const readiness = await rawConnection(server.url);
    readiness.send('GET /ready HTTP/1.1\r\n');
    await sleep(100);

    const signalled = performance.now();
    process.kill(server.pid, 'SIGTERM');
    await sleep(300);
    await expect(api(server.url, 'GET', '/health', { timeoutMs: 2_000 })).rejects.toThrow();

    readiness.send('Host: x\r\n\r\n');
    const ready = await readiness.waitFor('}');
    expect(ready).toMatch(/^HTTP\/1\.1 503/);
    expect(ready).toContain('"problems":["draining"]');

    slow.send(body.slice(5));
    const created = await slow.waitFor('}}');
    // Only the status line: the rest holds the new key's plaintext.
    expect(created.slice(0, 12)).toBe('HTTP/1.1 201');
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(5_000);

    const database = openDatabase({ url: databaseUrl });
    try {
      const keys = await database.db
        .selectFrom('api_keys')
        .select(['name', 'last_used_at'])
        .execute();
      expect(keys.map((k) => k.name).sort()).toEqual(['e2e admin', 'made during shutdown']);
      expect(keys.find((k) => k.name === 'e2e admin')?.last_used_at).not.toBeNull();
      expect(await findKeysInDatabase(database)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('cuts requests that do not finish within ONEPIN_SHUTDOWN_TIMEOUT_SECONDS', async () => {
    const server = await startServerProcess(
      { ONEPIN_DATABASE_URL: databaseUrl, ONEPIN_SHUTDOWN_TIMEOUT_SECONDS: '1' },
      { name: runName('shutdown-timeout') },
    );
    const stuck = await rawConnection(server.url);
    // Headers never finished: the request is in progress, and stays so.
    stuck.send('GET /api/v1/auth/whoami HTTP/1.1\r\nHost: x\r\n');
    await sleep(100);
    const signalled = performance.now();
    process.kill(server.pid, 'SIGTERM');
    const { code } = await server.exited;
    const took = performance.now() - signalled;
    expect(code).toBe(0);
    expect(took).toBeGreaterThan(900);
    expect(took).toBeLessThan(4_000);
    await stuck.received(1_000);
    expect(stuck.socket.destroyed || stuck.socket.readableEnded).toBe(true);
  });
});
