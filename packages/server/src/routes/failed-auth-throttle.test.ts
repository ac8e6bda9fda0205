import { randomBytes } from 'node:crypto';
import { generateApiKey } from '@onepin/core';
import { sqliteDialect } from '@onepin/db/test-support';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createAppDeps } from '../deps.js';
import { FakeClock } from '../test-support/fake-clock.js';

describe('failed API-key authentications, with the server defaults (SPEC §5)', () => {
  it('after 30 within a minute, the address gets 429 with Retry-After, before any database work', async () => {
    const database = await sqliteDialect.create();
    // No failedAuthLimitPerMin: the default is under test.
    const app = buildApp(createAppDeps({ database: database.handle, clock: new FakeClock() }));
    const attempt = (address: string) =>
      app.request(
        '/api/v1/auth/whoami',
        { headers: { authorization: `Bearer ${generateApiKey('live')}` } },
        { incoming: { socket: { remoteAddress: address } } } as never,
      );

    try {
      for (let i = 0; i < 30; i++) expect((await attempt('203.0.113.9')).status).toBe(401);
    } finally {
      // From here on, a request that asks the database fails.
      await database.dispose();
    }
    const refused = await attempt('203.0.113.9');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same well-formed unknown key from an address that is not throttled does reach the
    // database, and fails now that it is closed: so the 429 above was answered without it.
    expect((await attempt('203.0.113.10')).status).toBeGreaterThanOrEqual(500);
  });

  it('counts forged session cookies too, and refuses a blocked address before looking a cookie up', async () => {
    const database = await sqliteDialect.create();
    const app = buildApp(createAppDeps({ database: database.handle, clock: new FakeClock() }));
    const withCookie = (address: string) =>
      app.request(
        '/api/v1/auth/whoami',
        {
          headers: {
            host: '127.0.0.1:8000',
            cookie: `onepin_session=${randomBytes(32).toString('base64url')}`,
          },
        },
        { incoming: { socket: { remoteAddress: address } } } as never,
      );
    try {
      for (let i = 0; i < 30; i++) expect((await withCookie('198.51.100.7')).status).toBe(401);
    } finally {
      await database.dispose();
    }
    expect((await withCookie('198.51.100.7')).status).toBe(429);
    expect((await withCookie('198.51.100.8')).status).toBeGreaterThanOrEqual(500);
  });
});
