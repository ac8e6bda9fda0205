import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '@onepin/db';
import { createPostgresDatabase } from '@onepin/db/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../packages/server/src/test-support/webhook-receiver.js';
import { runName, TEST_DATABASE_URL } from './helpers/environment.js';
import { api, waitFor } from './helpers/http.js';
import { expectNoKeysStored } from './helpers/no-keys-stored.js';
import { seedWorkspace } from './helpers/seed.js';
import { startServerProcess, stopAllServers } from './helpers/server-process.js';

/**
 * The outbox across a crash (issue 16): a key event is being delivered — the receiver has
 * the request and has not answered — when the node is killed with SIGKILL. After a restart
 * the receiver gets the same event again (same `webhook-id`, a valid signature), because the
 * delivery was in the database all along and its claim ran out with the node. On SQLite the
 * restarted server releases the dead server's lease at once (it holds the only lock); on
 * PostgreSQL the lease runs out (2 × ONEPIN_WEBHOOK_TIMEOUT_SECONDS + 5 s).
 */
const dialects = [
  { name: 'sqlite', postgres: false },
  ...(TEST_DATABASE_URL ? [{ name: 'postgres', postgres: true }] : []),
];

describe.each(dialects)('webhook delivery survives kill -9 ($name)', ({ name, postgres }) => {
  const dirs: string[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    await stopAllServers();
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('sends the event again after a restart, signed, with the same webhook-id', {
    timeout: 90_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onepin-e2e-webhook-crash-'));
    dirs.push(dataDir);
    let databaseUrl = join(dataDir, 'onepin.db');
    if (postgres && TEST_DATABASE_URL) {
      const created = await createPostgresDatabase(TEST_DATABASE_URL);
      databaseUrl = created.url;
      cleanups.push(created.drop);
    }
    const database = openDatabase({ url: databaseUrl, maxConnections: 1 });
    await migrateToLatest(database);
    await database.close();
    const seeded = await seedWorkspace(databaseUrl, [
      'webhooks:read',
      'webhooks:write',
      'api_keys:read',
      'api_keys:write',
    ]);

    // The first request is held unanswered: the node is killed while it waits.
    const receiver: WebhookReceiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const held: Array<() => void> = [];
    const hang = await startHangingFirst(receiver, held);
    cleanups.push(hang.close);

    const env = {
      ONEPIN_DATA_DIR: dataDir,
      ONEPIN_DATABASE_URL: postgres ? databaseUrl : `sqlite:${databaseUrl}`,
      ONEPIN_SECRET: randomBytes(32).toString('hex'),
      ONEPIN_WEBHOOKS_ALLOW_PRIVATE: 'true',
      ONEPIN_WEBHOOK_TIMEOUT_SECONDS: '2',
      ONEPIN_LOG_LEVEL: 'info',
    };
    const first = await startServerProcess(env, { name: runName(`webhook-crash-${name}-1`) });
    const hook = await api(first.url, 'POST', '/api/v1/webhooks', {
      key: seeded.adminKey,
      body: { url: hang.url, events: ['api_key.created'] },
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    receiver.secrets = [hook.body.data.secret];
    const made = await api(first.url, 'POST', '/api/v1/api-keys', {
      key: seeded.adminKey,
      body: { name: 'announced across a crash' },
    });
    expect(made.status).toBe(201);

    await waitFor(async () => hang.requests.length === 1, {
      timeoutMs: 10_000,
      what: 'the first delivery attempt',
    });
    first.child.kill('SIGKILL');
    await first.exited;
    for (const release of held) release();

    const second = await startServerProcess(env, { name: runName(`webhook-crash-${name}-2`) });
    const elapsed = await waitFor(async () => receiver.received.length >= 1, {
      intervalMs: 100,
      timeoutMs: 30_000,
      what: 'the delivery after the restart',
    });
    console.log(`[webhook-crash ${name}] redelivered ${Math.round(elapsed)} ms after restart`);
    const [again] = receiver.received;
    expect(again?.id).toBe(hang.requests[0]?.id);
    expect(again?.body).toBe(hang.requests[0]?.body);
    expect(again?.verifiedWith).toBe(0);
    expect(again?.json).toMatchObject({
      type: 'api_key.created',
      data: { api_key: { id: made.body.data.id } },
    });

    const log = await api(second.url, 'GET', `/api/v1/webhooks/${hook.body.data.id}/deliveries`, {
      key: seeded.adminKey,
    });
    await waitFor(
      async () =>
        (
          await api(second.url, 'GET', `/api/v1/webhooks/${hook.body.data.id}/deliveries`, {
            key: seeded.adminKey,
          })
        ).body.data[0]?.status === 'succeeded',
      { what: 'the delivery logged as succeeded' },
    );
    expect(log.status).toBe(200);
    await second.stop();
    await expectNoKeysStored(databaseUrl);
  });
});

/**
 * A front for the receiver whose first request is never answered (until the test releases
 * it, after the kill); later requests are passed to the receiver.
 */
async function startHangingFirst(receiver: WebhookReceiver, held: Array<() => void>) {
  const { createServer, request: forward } = await import('node:http');
  const requests: Array<{ id: string; body: string }> = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      if (requests.length === 0) {
        requests.push({ id: String(incoming.headers['webhook-id']), body: body.toString() });
        held.push(() => outgoing.destroy());
        return;
      }
      const target = new URL(receiver.url);
      const proxied = forward(target, { method: 'POST', headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      proxied.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
