import { sqliteDialect } from '@onepin/db/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestWorld } from '../../test-support/world.js';
import type { ReadinessCheck } from './health.js';

async function ready(checks: ReadinessCheck[]) {
  const world = await createTestWorld(sqliteDialect, { app: { readinessChecks: checks } });
  try {
    return await world.call('GET', '/ready');
  } finally {
    await world.dispose();
  }
}

describe('/ready', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is 200 when the database answers and every check passes', async () => {
    const response = await ready([async () => null]);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready' });
  });

  it('is 503 and lists the problems otherwise', async () => {
    const response = await ready([
      async () => 'draining',
      async () => null,
      async () => 'redis unreachable',
    ]);
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      status: 'unavailable',
      problems: ['draining', 'redis unreachable'],
    });
  });

  it('counts a check that throws as a problem', async () => {
    const response = await ready([
      async () => {
        throw new Error('socket closed');
      },
    ]);
    expect(response.status).toBe(503);
    expect(response.body.problems).toEqual(['readiness check failed']);
  });

  it('answers within 2 s when a check hangs', async () => {
    const world = await createTestWorld(sqliteDialect, {
      app: { readinessChecks: [() => new Promise(() => {})] },
    });
    try {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const pending = world.call('GET', '/ready');
      await vi.advanceTimersByTimeAsync(2_000);
      const response = await pending;
      expect(response.status).toBe(503);
      expect(response.body.problems).toEqual(['readiness check timed out']);
    } finally {
      vi.useRealTimers();
      await world.dispose();
    }
  });
});
