import { SCOPES } from '@onepin/core';
import { testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { worldPerSuite } from '../../test-support/world.js';
import { encodeCursor } from './cursor.js';

describe.each(testDialects)('$name: /api/v1/activity', (dialect) => {
  const suite = worldPerSuite(dialect);
  const { run } = suite;

  run('pages through every event exactly once with the cursor, newest first', async () => {
    const workspace = await suite.world.createWorkspace();
    const key = (await suite.world.createKey(workspace, { scopes: [...SCOPES] })).plaintext;
    for (let i = 0; i < 12; i++) {
      // Several events share a millisecond: the id breaks the tie without skipping any.
      if (i % 3 === 0) suite.world.clock.advance(1);
      await suite.world.call('POST', '/api/v1/api-keys', { key, body: { name: `k${i}` } });
    }
    const seen: string[] = [];
    let path: string | null = '/api/v1/activity?limit=5';
    let pages = 0;
    while (path) {
      const { status, body } = await suite.world.call('GET', path, { key });
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
    const workspace = await suite.world.createWorkspace();
    const live = (await suite.world.createKey(workspace, { scopes: [...SCOPES] })).plaintext;
    const test = (await suite.world.createKey(workspace, { scopes: [...SCOPES], type: 'test' }))
      .plaintext;
    await suite.world.call('POST', '/api/v1/api-keys', { key: test, body: { name: 'test-made' } });
    const asLive = await suite.world.call('GET', '/api/v1/activity', { key: live });
    const asTest = await suite.world.call('GET', '/api/v1/activity', { key: test });
    expect(asLive.body.data.every((e: any) => e.environment === 'live')).toBe(true);
    expect(asTest.body.data.every((e: any) => e.environment === 'test')).toBe(true);
    expect(asTest.body.data.map((e: any) => e.metadata.name)).toContain('test-made');
  });

  run.each([
    ['garbage', 'not-a-cursor'],
    ['a cursor with a bad time', encodeCursor({ createdAt: 'yesterday', id: 'x' })],
    ['a limit of 0', ''],
  ])('refuses %s with 422', async (label, cursor) => {
    const workspace = await suite.world.createWorkspace();
    const key = (await suite.world.createKey(workspace, { scopes: ['workspace:read'] })).plaintext;
    const query = label === 'a limit of 0' ? 'limit=0' : `cursor=${encodeURIComponent(cursor)}`;
    const { status, body } = await suite.world.call('GET', `/api/v1/activity?${query}`, { key });
    expect(status).toBe(422);
    expect(body.error.code).toBe('VALIDATION_ERROR');
  });
});
