import { SCOPES } from '@onepin/core';
import { testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { createApiKey, FULL_AUTHORITY } from '../../services/api-keys.js';
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

describe.each(testDialects)('$name: /api/v1/usage/activity (the public API path)', (dialect) => {
  const suite = worldPerSuite(dialect);
  const { run } = suite;
  const DAY = 86_400_000;

  /** A workspace with an owner's key, an editor's key and events spread over 100 days. */
  async function history() {
    const world = suite.world;
    const workspace = await world.createWorkspace();
    const owner = (await world.createKey(workspace, { scopes: [...SCOPES] })).plaintext;
    const editor = await world.addMember(workspace, 'editor');
    // The editor made a key of their own (through the service: only admins manage keys).
    const { plaintext: editorKey } = await createApiKey(
      world.deps,
      {
        type: 'user',
        id: editor.userId,
        name: editor.email,
        workspaceId: workspace.id,
        userId: editor.userId,
      },
      FULL_AUTHORITY,
      { name: 'editor key', scopes: ['workflows:write'], key_type: 'live' },
    );
    world.clock.advance(50 * DAY);
    await world.call('POST', '/api/v1/workflows', { key: editorKey, body: { name: 'Old' } });
    world.clock.advance(45 * DAY);
    await world.call('POST', '/api/v1/api-keys', { key: owner, body: { name: 'recent' } });
    world.clock.advance(1);
    const clone = await world.call('POST', '/api/v1/templates/2LKJN2QD/clone', { key: owner });
    expect(clone.status).toBe(201);
    return { workspace, owner, editor, editorKey };
  }

  const list = (key: string, query = '') =>
    suite.world.call('GET', `/api/v1/usage/activity?${query}`, { key });

  run(
    'answers the official item shape beside this server’s fields, with the same events as /activity',
    async () => {
      const { owner, workspace } = await history();
      const official = await list(owner, 'limit=100');
      const own = await suite.world.call('GET', '/api/v1/activity?limit=100', { key: owner });
      expect(official.body.data).toEqual(own.body.data);
      const cloned = official.body.data.find((e: any) => e.type === 'template_cloned');
      expect(cloned).toMatchObject({
        timestamp: cloned.created_at,
        action: 'template_applied',
        kind: 'template_cloned',
        resource: {
          type: 'workflow',
          id: cloned.target.id,
          name: 'Podcast episode localization (Copy)',
        },
        user: { id: workspace.userId, name: workspace.email },
      });
      expect(official.body.pagination).toMatchObject({ limit: 100, prev: null });
    },
  );

  run.each([
    ['type=api_key_created', ['api_key_created']],
    ['type=template_applied', ['template_cloned']],
    ['type=template_cloned', ['template_cloned']],
    ['type=workflow_run', []],
    ['type=workflow_created', ['workflow_created']],
  ])('filters with %s', async (query, kinds) => {
    const { owner } = await history();
    const response = await list(owner, `${query}&range=90d`);
    expect(response.status).toBe(200);
    expect([...new Set(response.body.data.map((e: any) => e.kind))]).toEqual(kinds);
  });

  run('counts range in calendar days of the time zone asked for', async () => {
    const { owner } = await history();
    const kinds = async (query: string) =>
      (await list(owner, query)).body.data.map((e: any) => e.kind);
    // Everything; the last 90 days (the workflow, 45 days ago, and what followed); the last 30.
    expect(await kinds('limit=100')).toContain('workspace_created');
    expect(await kinds('range=90d')).toEqual([
      'template_cloned',
      'api_key_created',
      'workflow_created',
    ]);
    expect(await kinds('range=30d&timezone=Asia/Seoul')).toEqual([
      'template_cloned',
      'api_key_created',
    ]);
  });

  run(
    "filters by a member: what they did and what their keys did; a stranger's id is 404",
    async () => {
      const { owner, editor } = await history();
      const byEditor = await list(owner, `user_id=${editor.userId}`);
      expect(byEditor.body.data.map((e: any) => [e.kind, e.actor.type, e.user.id])).toEqual(
        [
          ['workflow_created', 'api_key', editor.userId],
          ['api_key_created', 'user', editor.userId],
          ['member_login', 'user', editor.userId],
        ].filter(
          ([kind]) =>
            kind !== 'member_login' || byEditor.body.data.some((e: any) => e.kind === kind),
        ),
      );
      const stranger = await suite.world.createWorkspace();
      const response = await list(owner, `user_id=${stranger.userId}`);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    },
  );

  run(
    'attributes what a key from the admin command did to the owner, and finds it by their id',
    async () => {
      const world = suite.world;
      const workspace = await world.createWorkspace();
      const { plaintext } = await createApiKey(
        world.deps,
        { type: 'system', id: null, name: 'admin', workspaceId: workspace.id, userId: null },
        FULL_AUTHORITY,
        { name: 'headless', scopes: ['workflows:write', 'workspace:read'], key_type: 'live' },
      );
      await world.call('POST', '/api/v1/workflows', {
        key: plaintext,
        body: { name: 'By the key' },
      });
      const owner = { id: workspace.userId, name: workspace.email };
      const all = await list(plaintext, 'type=workflow_created');
      expect(all.body.data.map((e: any) => e.user)).toEqual([owner]);
      const mine = await list(plaintext, `user_id=${workspace.userId}&type=workflow_created`);
      expect(mine.body.data).toHaveLength(1);
    },
  );

  run.each([
    ['range=7d', 'range'],
    ['type=voice_cloned', 'type'],
    ['timezone=Mars/Olympus', 'timezone'],
    [`user_id=${'u'.repeat(101)}`, 'user_id'],
  ])('refuses %s with 422 naming the parameter', async (query, field) => {
    const workspace = await suite.world.createWorkspace();
    const key = (await suite.world.createKey(workspace, { scopes: ['workspace:read'] })).plaintext;
    const response = await list(key, query);
    expect(response.status).toBe(422);
    expect(response.body.error.details.map((d: any) => d.field)).toContain(field);
  });
});
