import { sqliteDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../test-support/world.js';

describe('a burst over a key’s rate limit', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(sqliteDialect);
  });
  afterAll(() => world?.dispose());

  it('lets exactly the limit through; the rest get 429 with Retry-After and X-RateLimit-*', async () => {
    const workspace = await world.createWorkspace();
    const { plaintext } = await world.createKey(workspace, { rateLimitPerMin: 10 });
    const responses = await Promise.all(
      Array.from({ length: 25 }, () =>
        world.call('GET', '/api/v1/auth/whoami', { key: plaintext }),
      ),
    );
    const passed = responses.filter((r) => r.status === 200);
    const limited = responses.filter((r) => r.status === 429);
    expect(passed).toHaveLength(10);
    expect(limited).toHaveLength(15);
    const windowEnd = Math.ceil((world.clock.now() - (world.clock.now() % 60_000) + 60_000) / 1000);
    for (const response of limited) {
      expect(response.body.error.code).toBe('RATE_LIMITED');
      expect(response.headers.get('retry-after')).toBe(
        String(windowEnd - Math.floor(world.clock.now() / 1000)),
      );
      expect(response.headers.get('x-ratelimit-limit')).toBe('10');
      expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(response.headers.get('x-ratelimit-reset')).toBe(String(windowEnd));
    }
    expect(
      passed.map((r) => Number(r.headers.get('x-ratelimit-remaining'))).sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The next minute starts afresh.
    world.clock.advance(60_000);
    expect((await world.call('GET', '/api/v1/auth/whoami', { key: plaintext })).status).toBe(200);
  });
});
