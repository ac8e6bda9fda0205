/**
 * The alternative: better-auth's API-key plugin set up as its documentation shows (`betterAuth`
 * on a better-sqlite3 `Database`, the `apiKey()` plugin, keys created and verified through
 * `auth.api`), on the same Hono + @hono/node-server as OnePin. Two departures, both in its
 * favour or neutral: its per-key rate limit (10 requests a day by default) is switched off so
 * only verification is measured, and `tuned` puts the database in WAL with `synchronous=NORMAL`.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { apiKey } from '@better-auth/api-key';
import { serve } from '@hono/node-server';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { runChild } from './protocol.js';

export interface BetterAuthServerConfig {
  databasePath: string;
  /** `documented`: the database as its documentation opens it; `tuned`: WAL + synchronous=NORMAL. */
  journal: 'documented' | 'tuned';
  /** How many keys to create through its API. */
  keys: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as BetterAuthServerConfig;

await runChild(async () => {
  const sqlite = new Database(config.databasePath);
  if (config.journal === 'tuned') {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  }
  const auth = betterAuth({
    database: sqlite,
    baseURL: 'http://127.0.0.1',
    secret: randomBytes(32).toString('hex'),
    emailAndPassword: { enabled: true },
    plugins: [apiKey({ rateLimit: { enabled: false } })],
  });
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();

  const started = performance.now();
  const { user } = await auth.api.signUpEmail({
    body: { email: 'bench@example.com', password: randomBytes(16).toString('hex'), name: 'bench' },
  });
  const keys: string[] = [];
  for (let i = 0; i < config.keys; i++) {
    const created = await auth.api.createApiKey({ body: { userId: user.id, name: `bench ${i}` } });
    keys.push(created.key);
  }
  const setupMs = performance.now() - started;

  const app = new Hono();
  app.get('/api/v1/auth/whoami', async (c) => {
    const authorization = c.req.header('authorization') ?? '';
    const key = authorization.startsWith('Bearer ') ? authorization.slice(7) : '';
    const result = await auth.api.verifyApiKey({ body: { key } });
    if (!result.valid || !result.key) {
      return c.json({ error: { code: 'INVALID_API_KEY', message: 'Invalid API key.' } }, 401);
    }
    const verified = result.key;
    return c.json({
      data: {
        api_key_id: verified.id,
        user_id: verified.referenceId,
        key_name: verified.name,
        created_at: verified.createdAt,
        expires_at: verified.expiresAt,
      },
    });
  });

  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return {
    port: (server.address() as AddressInfo).port,
    info: { keys, setupMs, journalMode: sqlite.pragma('journal_mode', { simple: true }) },
    // It writes on every verification; there is nothing batched to flush.
    flush: async () => ({ keys: 0, cpuMicros: 0 }),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      sqlite.close();
    },
  };
});
