import { sqliteDialect } from '@onepin/db/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../test-support/world.js';

describe('failed-authentication throttling per client address', () => {
  let world: TestWorld | undefined;
  afterEach(() => world?.dispose());

  /** A world that blocks an address after 3 failures; returns a failing attempt. */
  async function failingAttempts(trustProxy: boolean) {
    world = await createTestWorld(sqliteDialect, {
      failedAuthLimitPerMin: 3,
      settings: { trustProxy },
    });
    const w = world;
    return (forwardedFor: string) =>
      w.call('GET', '/api/v1/auth/whoami', {
        key: 'op_live_not-a-key',
        address: '10.0.0.1',
        headers: { 'x-forwarded-for': forwardedFor },
      });
  }

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const attempt = await failingAttempts(false);
    for (let i = 0; i < 3; i++) expect((await attempt(`198.51.100.${i}`)).status).toBe(401);
    const blocked = await attempt('198.51.100.99');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('behind a trusted proxy, counts the hop the proxy added, which the client cannot choose', async () => {
    const attempt = await failingAttempts(true);
    for (let i = 0; i < 3; i++) {
      expect((await attempt(`198.51.100.${i}, 203.0.113.7`)).status).toBe(401);
    }
    expect((await attempt('198.51.100.99, 203.0.113.7')).status).toBe(429);
    // Another client behind the same proxy is not blocked.
    expect((await attempt('203.0.113.8')).status).toBe(401);
  });

  it('refuses a throttled address before looking the key up', async () => {
    const attempt = await failingAttempts(false);
    for (let i = 0; i < 3; i++) await attempt('x');
    const workspace = await world?.createWorkspace();
    const valid = await world?.createKey(workspace as never);
    const response = await world?.call('GET', '/api/v1/auth/whoami', {
      key: valid?.plaintext,
      address: '10.0.0.1',
    });
    expect(response?.status).toBe(429);
    expect(response?.body.error.code).toBe('RATE_LIMITED');
  });
});
