import { SCOPES } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../../test-support/world.js';
import { encodeCursor } from './cursor.js';

describe.each(testDialects)('$name: /api/v1/activity', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    if (dialectAvailable(dialect)) world = await createTestWorld(dialect);
  });
  afterAll(async () => world?.dispose());
  const run = it.skipIf(!dialectAvailable(dialect));

  run('pages through every event exactly once with the cursor, newest first', async () => {
    const workspace = await world.createWorkspace();
    const key = (await world.createKey(workspace, { scopes: [...SCOPES] })).plaintext;
    for (let i = 0; i < 12; i++) {
      // Several events share a millisecond: the id breaks the tie without skipping any.
      if (i % 3 === 0) world.clock.advance(1);
      await world.call('POST', '/api/v1/api-keys', { key, body: { name: `k${i}` } });
    }
    const seen: string[] = [];
    let path: string | null = '/api/v1/activity?limit=5';
    let pages = 0;
    while (path) {
      const { status, body } = await world.call('GET', path, { key });
      expect(status).toBe(200);
      seen.push(...body.data.map((e: any) => e.metadata.name));
      path = body.pagination.next;
      if (path) expect(body.pagination.cursor).toBeTruthy();
      else expect(body.pagination.cursor).toBeNull();
      pages++;
    }
    // 12 key creations + the workspace_created event + the test key's creation.
    expect(seen).toHaveLength(14);
    expect(new Set(seen).size).toBe(14);
    expect(pages).toBe(3);
    expect(seen.slice(0, 12).every((name) => /^k\d+$/.test(name))).toBe(true);
  });

  run('shows an API key only the events of its own environment', async () => {
    const workspace = await world.createWorkspace();
    const live = (await world.createKey(workspace, { scopes: [...SCOPES] })).plaintext;
    const test = (await world.createKey(workspace, { scopes: [...SCOPES], type: 'test' }))
      .plaintext;
    await world.call('POST', '/api/v1/api-keys', { key: test, body: { name: 'test-made' } });
    const asLive = await world.call('GET', '/api/v1/activity', { key: live });
    const asTest = await world.call('GET', '/api/v1/activity', { key: test });
    expect(asLive.body.data.every((e: any) => e.environment === 'live')).toBe(true);
    expect(asTest.body.data.every((e: any) => e.environment === 'test')).toBe(true);
    expect(asTest.body.data.map((e: any) => e.metadata.name)).toContain('test-made');
  });

  run.each([
    ['garbage', 'not-a-cursor'],
    ['a cursor with a bad time', encodeCursor({ createdAt: 'yesterday', id: 'x' })],
    ['a limit of 0', ''],
  ])('refuses %s with 422', async (label, cursor) => {
    const workspace = await world.createWorkspace();
    const key = (await world.createKey(workspace, { scopes: ['workspace:read'] })).plaintext;
    const query = label === 'a limit of 0' ? 'limit=0' : `cursor=${encodeURIComponent(cursor)}`;
    const { status, body } = await world.call('GET', `/api/v1/activity?${query}`, { key });
    expect(status).toBe(422);
    expect(body.error.code).toBe('VALIDATION_ERROR');
  });
});
