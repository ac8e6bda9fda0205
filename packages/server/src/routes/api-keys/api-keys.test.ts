import { SCOPES } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorkspace, type TestWorld } from '../../test-support/world.js';

describe.each(testDialects)('$name: /api/v1/api-keys', (dialect) => {
  let world: TestWorld;
  let workspace: TestWorkspace;
  let admin: string;

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    world = await createTestWorld(dialect);
    workspace = await world.createWorkspace('Acme');
    admin = (await world.createKey(workspace, { scopes: [...SCOPES], name: 'admin key' }))
      .plaintext;
  });
  afterAll(async () => world?.dispose());

  const run = it.skipIf(!dialectAvailable(dialect));

  async function create(body: Record<string, unknown>, key = admin) {
    return world.call('POST', '/api/v1/api-keys', { key, body });
  }

  run('creates a key and returns its plaintext once, with the SPEC §2 fields', async () => {
    const { status, body } = await create({
      name: 'ci',
      scopes: ['workflows:read', 'templates:read', 'workflows:read'],
    });
    expect(status).toBe(201);
    const key = body.data;
    expect(key.api_key).toMatch(/^op_live_[0-9A-Za-z]{32}$/);
    expect(key).toMatchObject({
      workspace_id: workspace.id,
      name: 'ci',
      key_type: 'live',
      key_prefix: 'op_live_',
      key_suffix: key.api_key.slice(-4),
      preview: `op_live_…${key.api_key.slice(-4)}`,
      scopes: ['templates:read', 'workflows:read'],
      active: true,
      last_used_at: null,
      rate_limit_per_min: null,
      expires_at: null,
      revoked_at: null,
    });
    expect(key.id).toMatch(/^[0-9a-f-]{36}$/);
    const shown = await world.call('GET', `/api/v1/api-keys/${key.id}`, { key: admin });
    expect(shown.status).toBe(200);
    expect(shown.body.data.api_key).toBeUndefined();
    expect(JSON.stringify(shown.body)).not.toContain(key.api_key);
    const whoami = await world.call('GET', '/api/v1/auth/whoami', { key: key.api_key });
    expect(whoami.body.data).toMatchObject({
      api_key_id: key.id,
      key_name: 'ci',
      workspace_name: 'Acme',
    });
  });

  run('lists keys with offset pagination, newest first, and never their secrets', async () => {
    for (const name of ['p1', 'p2', 'p3']) {
      world.clock.advance(1);
      await create({ name });
    }
    const first = await world.call('GET', '/api/v1/api-keys?limit=2', { key: admin });
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data.map((k: any) => k.name)).toEqual(['p3', 'p2']);
    expect(first.body.pagination).toMatchObject({ limit: 2, offset: 0, prev: null });
    expect(first.body.pagination.total).toBeGreaterThanOrEqual(4);
    expect(first.body.pagination.next).toBe('/api/v1/api-keys?limit=2&offset=2');
    expect(first.body.data.every((k: any) => k.api_key === undefined)).toBe(true);
    const second = await world.call('GET', first.body.pagination.next, { key: admin });
    expect(second.body.data.map((k: any) => k.name)).toEqual(['p1', expect.any(String)]);
    expect(second.body.pagination.prev).toBe('/api/v1/api-keys?limit=2&offset=0');
  });

  run.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1e2', 'limit'],
    ['offset=-1', 'offset'],
    ['status=expired', 'status'],
  ])('refuses ?%s with 422 naming the field', async (query, field) => {
    const { status, body } = await world.call('GET', `/api/v1/api-keys?${query}`, { key: admin });
    expect(status).toBe(422);
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  });

  run('filters by status: active, revoked (incl. expired) and all', async () => {
    const fresh = await createTestWorld(dialect, { clock: world.clock });
    try {
      const ws = await fresh.createWorkspace();
      const key = (await fresh.createKey(ws, { scopes: ['api_keys:read', 'api_keys:write'] }))
        .plaintext;
      const make = async (body: object) =>
        (await fresh.call('POST', '/api/v1/api-keys', { key, body })).body.data;
      const keep = await make({ name: 'keep' });
      const gone = await make({ name: 'gone' });
      const soon = await make({
        name: 'soon',
        expires_at: new Date(fresh.clock.now() + 1000).toISOString(),
      });
      await fresh.call('DELETE', `/api/v1/api-keys/${gone.id}`, { key });
      fresh.clock.advance(2000);
      const names = async (status: string) =>
        (await fresh.call('GET', `/api/v1/api-keys?status=${status}`, { key })).body.data
          .map((k: any) => k.name)
          .sort();
      expect(await names('active')).toEqual(['keep', 'test key']);
      expect(await names('revoked')).toEqual(['gone', 'soon']);
      expect(await names('all')).toEqual(['gone', 'keep', 'soon', 'test key']);
      const expired = await fresh.call('GET', `/api/v1/api-keys/${soon.id}`, { key });
      expect(expired.body.data.active).toBe(false);
      expect(keep.active).toBe(true);
    } finally {
      await fresh.dispose();
    }
  });

  run(
    'status=active returns keys with active:false: never again; active + revoked = all',
    async () => {
      const fresh = await createTestWorld(dialect, { clock: world.clock });
      try {
        const ws = await fresh.createWorkspace();
        const session = await fresh.signIn(ws);
        const make = async (name: string) =>
          (await fresh.call('POST', '/api/v1/api-keys', { session, body: { name } })).body.data;
        const usable = await make('usable');
        const deactivated = await make('deactivated');
        const inGrace = await make('in grace');
        await fresh.call('PATCH', `/api/v1/api-keys/${deactivated.id}`, {
          session,
          body: { active: false },
        });
        const rotated = await fresh.call('PATCH', `/api/v1/api-keys/${inGrace.id}/rotate`, {
          session,
          body: { grace_period_seconds: 3600 },
        });
        const list = async (status: string) =>
          (await fresh.call('GET', `/api/v1/api-keys?status=${status}`, { session })).body.data;
        const active = await list('active');
        const revoked = await list('revoked');
        expect(active.every((k: any) => k.active === true)).toBe(true);
        expect(revoked.every((k: any) => k.active === false)).toBe(true);
        expect(active.map((k: any) => k.name).sort()).toEqual(['in grace', 'in grace', 'usable']);
        expect(revoked.map((k: any) => k.id)).toEqual([deactivated.id]);
        expect((await list('all')).length).toBe(active.length + revoked.length);
        // The rotated-out key counts as active while its grace period runs, then as revoked.
        expect(active.map((k: any) => k.id)).toContain(rotated.body.data.old_key.id);
        fresh.clock.advance(3_600_000);
        expect((await list('revoked')).map((k: any) => k.id)).toContain(inGrace.id);
        expect(usable.active).toBe(true);
      } finally {
        await fresh.dispose();
      }
    },
  );

  run.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(121) }, 'name'],
    [{ name: 'tab\there' }, 'name'],
    [{ name: 42 }, 'name'],
    [{ name: 'ok', scopes: ['workflows:run'] }, 'scopes.0'],
    [{ name: 'ok', scopes: 'workflows:read' }, 'scopes'],
    [{ name: 'ok', key_type: 'public' }, 'key_type'],
    [{ name: 'ok', rate_limit_per_min: 0 }, 'rate_limit_per_min'],
    [{ name: 'ok', rate_limit_per_min: 1.5 }, 'rate_limit_per_min'],
    [{ name: 'ok', expires_at: 'tomorrow' }, 'expires_at'],
    [{ name: 'ok', expires_at: '2020-01-01T00:00:00Z' }, 'expires_at'],
    [{ name: 'ok', extra: true }, 'extra'],
  ])('refuses the create body %j with 422 naming %s', async (body, field) => {
    const { status, body: response } = await create(body);
    expect(status).toBe(422);
    expect(response.error.code).toBe('VALIDATION_ERROR');
    expect(response.error.details.map((d: any) => d.field)).toContain(field);
  });

  run('lists the valid scopes when an unknown one is asked for', async () => {
    const { body } = await create({ name: 'x', scopes: ['admin'] });
    expect(body.error.details[0].message).toContain('valid scopes: api_keys:read, api_keys:write');
  });

  describe('the subset rule', () => {
    run(
      'lets a key create keys with scopes it holds, and no others (403 naming them)',
      async () => {
        const manager = (
          await world.createKey(workspace, { scopes: ['api_keys:write', 'workflows:read'] })
        ).plaintext;
        expect((await create({ name: 'narrow', scopes: ['workflows:read'] }, manager)).status).toBe(
          201,
        );
        const refused = await create(
          { name: 'broad', scopes: ['workflows:read', 'workflows:write'] },
          manager,
        );
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe('INSUFFICIENT_SCOPE');
        expect(refused.body.error.message).toContain('workflows:write');
      },
    );

    run('still answers 422 for an unknown scope the caller could not grant anyway', async () => {
      const manager = (await world.createKey(workspace, { scopes: ['api_keys:write'] })).plaintext;
      expect((await create({ name: 'x', scopes: ['nope'] }, manager)).status).toBe(422);
    });

    run.each([
      ['update', 'PATCH', '', { name: 'renamed' }],
      ['rotate', 'PATCH', '/rotate', {}],
      ['revoke', 'DELETE', '', undefined],
    ] as const)('refuses to %s a broader key', async (_label, method, suffix, body) => {
      const broad = await create({ name: 'broad', scopes: ['workflows:write'] });
      const manager = (await world.createKey(workspace, { scopes: ['api_keys:write'] })).plaintext;
      const response = await world.call(method, `/api/v1/api-keys/${broad.body.data.id}${suffix}`, {
        key: manager,
        ...(body !== undefined && { body }),
      });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('INSUFFICIENT_SCOPE');
      const still = await world.call('GET', '/api/v1/auth/whoami', {
        key: broad.body.data.api_key,
      });
      expect(still.status).toBe(200);
    });

    run('refuses to widen a key beyond the caller through an update', async () => {
      const manager = (
        await world.createKey(workspace, { scopes: ['api_keys:write', 'workflows:read'] })
      ).plaintext;
      const target = await create({ name: 't', scopes: ['workflows:read'] }, manager);
      const widened = await world.call('PATCH', `/api/v1/api-keys/${target.body.data.id}`, {
        key: manager,
        body: { scopes: ['workflows:read', 'uploads:write'] },
      });
      expect(widened.status).toBe(403);
      expect(widened.body.error.message).toContain('uploads:write');
    });

    run('keeps keys made by an expiring key within its expiry', async () => {
      const expiresAt = new Date(world.clock.now() + 3_600_000).toISOString();
      const manager = (await world.createKey(workspace, { scopes: ['api_keys:write'], expiresAt }))
        .plaintext;
      const inherited = await create({ name: 'child' }, manager);
      expect(inherited.body.data.expires_at).toBe(expiresAt);
      const later = new Date(world.clock.now() + 7_200_000).toISOString();
      const refused = await create({ name: 'forever', expires_at: later }, manager);
      expect(refused.status).toBe(422);
      expect(refused.body.error.details[0].field).toBe('expires_at');
    });
  });

  describe('live and test keys', () => {
    run('a test key manages only test keys and cannot see live ones (404)', async () => {
      const testManager = (
        await world.createKey(workspace, {
          scopes: ['api_keys:read', 'api_keys:write'],
          type: 'test',
        })
      ).plaintext;
      const made = await create({ name: 'made by test' }, testManager);
      expect(made.status).toBe(201);
      expect(made.body.data.key_type).toBe('test');
      expect(made.body.data.api_key).toMatch(/^op_test_/);
      const live = await create({ name: 'live one' });
      const hidden = await world.call('GET', `/api/v1/api-keys/${live.body.data.id}`, {
        key: testManager,
      });
      expect(hidden.status).toBe(404);
      const revoke = await world.call('DELETE', `/api/v1/api-keys/${live.body.data.id}`, {
        key: testManager,
      });
      expect(revoke.status).toBe(404);
      const listed = await world.call('GET', '/api/v1/api-keys?limit=100', { key: testManager });
      expect(listed.body.data.every((k: any) => k.key_type === 'test')).toBe(true);
      const asLive = await create({ name: 'escalate', key_type: 'live' }, testManager);
      expect(asLive.status).toBe(403);
      expect(asLive.body.error.code).toBe('FORBIDDEN');
    });

    run('a live key cannot see test keys either', async () => {
      const testKey = await world.createKey(workspace, { type: 'test' });
      const response = await world.call('GET', `/api/v1/api-keys/${testKey.id}`, { key: admin });
      expect(response.status).toBe(404);
    });
  });

  describe('update', () => {
    run('changes name, scopes, rate limit, active and expiry, and records the change', async () => {
      const target = (await create({ name: 'before', scopes: ['workflows:read'] })).body.data;
      const expiresAt = new Date(world.clock.now() + 86_400_000).toISOString();
      const { status, body } = await world.call('PATCH', `/api/v1/api-keys/${target.id}`, {
        key: admin,
        body: {
          name: 'after',
          scopes: ['workspace:read'],
          rate_limit_per_min: 10,
          expires_at: expiresAt,
        },
      });
      expect(status).toBe(200);
      expect(body.data).toMatchObject({
        name: 'after',
        scopes: ['workspace:read'],
        rate_limit_per_min: 10,
        expires_at: expiresAt,
      });
      const whoami = await world.call('GET', '/api/v1/auth/whoami', { key: target.api_key });
      expect(whoami.body.data.scopes).toEqual(['workspace:read']);
      expect(whoami.headers.get('x-ratelimit-limit')).toBe('10');
    });

    run('refuses an empty update with 422', async () => {
      const target = (await create({ name: 'x' })).body.data;
      const { status } = await world.call('PATCH', `/api/v1/api-keys/${target.id}`, {
        key: admin,
        body: {},
      });
      expect(status).toBe(422);
    });

    run(
      'deactivating a cached key stops it on the next request; an admin reactivating brings it back',
      async () => {
        const target = (await create({ name: 'toggle' })).body.data;
        expect(
          (await world.call('GET', '/api/v1/auth/whoami', { key: target.api_key })).status,
        ).toBe(200);
        await world.call('PATCH', `/api/v1/api-keys/${target.id}`, {
          key: admin,
          body: { active: false },
        });
        expect(
          (await world.call('GET', '/api/v1/auth/whoami', { key: target.api_key })).status,
        ).toBe(401);
        await world.call('PATCH', `/api/v1/api-keys/${target.id}`, {
          session: await world.signIn(workspace),
          body: { active: true },
        });
        expect(
          (await world.call('GET', '/api/v1/auth/whoami', { key: target.api_key })).status,
        ).toBe(200);
      },
    );

    run('refuses to change a revoked key with 409', async () => {
      const target = (await create({ name: 'x' })).body.data;
      await world.call('DELETE', `/api/v1/api-keys/${target.id}`, { key: admin });
      const { status, body } = await world.call('PATCH', `/api/v1/api-keys/${target.id}`, {
        key: admin,
        body: { active: true },
      });
      expect(status).toBe(409);
      expect(body.error.code).toBe('CONFLICT');
    });

    run('answers 404 for a key id that does not exist, whatever its shape', async () => {
      for (const id of [
        '00000000-0000-0000-0000-000000000000',
        'not-a-uuid',
        "x'; drop table api_keys; --",
      ]) {
        const { status } = await world.call('GET', `/api/v1/api-keys/${encodeURIComponent(id)}`, {
          key: admin,
        });
        expect(status).toBe(404);
      }
    });
  });

  describe('revoke', () => {
    run('revokes a cached key so the very next request fails, and is idempotent', async () => {
      const target = (await create({ name: 'doomed' })).body.data;
      expect((await world.call('GET', '/api/v1/auth/whoami', { key: target.api_key })).status).toBe(
        200,
      );
      const revoked = await world.call('DELETE', `/api/v1/api-keys/${target.id}`, { key: admin });
      expect(revoked.status).toBe(200);
      expect(revoked.body.data).toMatchObject({
        active: false,
        revoked_at: new Date(world.clock.now()).toISOString(),
      });
      expect((await world.call('GET', '/api/v1/auth/whoami', { key: target.api_key })).status).toBe(
        401,
      );
      const again = await world.call('DELETE', `/api/v1/api-keys/${target.id}`, { key: admin });
      expect(again.status).toBe(200);
      expect(again.body.data.revoked_at).toBe(revoked.body.data.revoked_at);
    });

    run('lets a key revoke itself', async () => {
      const self = (await create({ name: 'self', scopes: ['api_keys:write'] })).body.data;
      const response = await world.call('DELETE', `/api/v1/api-keys/${self.id}`, {
        key: self.api_key,
      });
      expect(response.status).toBe(200);
      expect((await world.call('GET', '/api/v1/auth/whoami', { key: self.api_key })).status).toBe(
        401,
      );
    });
  });

  run('records every key change in the activity log with its actor, newest first', async () => {
    const fresh = await createTestWorld(dialect, { clock: world.clock });
    try {
      const ws = await fresh.createWorkspace();
      const key = (await fresh.createKey(ws, { scopes: [...SCOPES], name: 'auditor' })).plaintext;
      fresh.clock.advance(1);
      const made = (await fresh.call('POST', '/api/v1/api-keys', { key, body: { name: 'k' } })).body
        .data;
      fresh.clock.advance(1);
      await fresh.call('PATCH', `/api/v1/api-keys/${made.id}`, { key, body: { name: 'k2' } });
      fresh.clock.advance(1);
      const rotated = (await fresh.call('PATCH', `/api/v1/api-keys/${made.id}/rotate`, { key }))
        .body.data;
      fresh.clock.advance(1);
      await fresh.call('DELETE', `/api/v1/api-keys/${rotated.new_key.id}`, { key });
      const { body } = await fresh.call('GET', '/api/v1/activity?limit=4', { key });
      expect(body.data.map((e: any) => e.type)).toEqual([
        'api_key_revoked',
        'api_key_rotated',
        'api_key_updated',
        'api_key_created',
      ]);
      expect(body.data[0].actor).toMatchObject({ type: 'api_key', name: 'auditor' });
      expect(body.data[2].metadata.changes).toEqual({ name: { from: 'k', to: 'k2' } });
      expect(JSON.stringify(body)).not.toMatch(/op_live_[0-9A-Za-z]{32}/);
    } finally {
      await fresh.dispose();
    }
  });
});
