import { generateServiceToken, parseServiceToken, SCOPES } from '@onepin/core';
import { listAuditEvents } from '@onepin/db';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import {
  type TestSession,
  type TestWorkspace,
  type TestWorld,
  worldPerSuite,
} from '../../test-support/world.js';

describe.each(testDialects)('$name: service tokens (instance admins)', (dialect) => {
  const suite = worldPerSuite(dialect);
  let world: TestWorld;
  let home: TestWorkspace;
  let instanceAdmin: TestSession;
  let workspaceAdmin: TestSession;

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    world = suite.world;
    home = await world.createWorkspace('Home');
    instanceAdmin = await world.signIn(home, 'viewer', { instanceAdmin: true });
    workspaceAdmin = await world.signIn(home, 'admin');
  });

  const create = (session: TestSession, body: unknown) =>
    world.call('POST', '/api/v1/service-tokens', { session, body });
  const list = (session: TestSession) => world.call('GET', '/api/v1/service-tokens', { session });
  const revoke = (session: TestSession, id: string) =>
    world.call('DELETE', `/api/v1/service-tokens/${id}`, { session });

  suite.run('the session says who is an instance admin', async () => {
    const mine = await world.call('GET', '/api/v1/session', { session: instanceAdmin });
    expect(mine.body.data.instance_admin).toBe(true);
    const theirs = await world.call('GET', '/api/v1/session', { session: workspaceAdmin });
    expect(theirs.body.data.instance_admin).toBe(false);
  });

  suite.run(
    'an instance admin (whatever their workspace role) makes, lists and revokes',
    async () => {
      const made = await create(instanceAdmin, { name: '  billing-api ' });
      expect(made.status).toBe(201);
      const token: string = made.body.data.token;
      expect(parseServiceToken(token)).not.toBeNull();
      expect(made.body.data).toMatchObject({
        name: 'billing-api',
        preview: `op_svc_…${token.slice(-4)}`,
        status: 'active',
        created_by: instanceAdmin.userId,
        last_used_at: null,
        revoked_at: null,
      });
      expect(made.body.data.id).toMatch(/^svc_/);
      expect(made.headers.get('cache-control')).toBe('no-store');

      world.clock.advance(1000);
      const second = await create(instanceAdmin, { name: 'search-api' });
      const listed = await list(instanceAdmin);
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toContain(token);
      expect(JSON.stringify(listed.body)).not.toContain(second.body.data.token);
      const ids = listed.body.data.map((t: { id: string }) => t.id);
      expect(ids.indexOf(second.body.data.id)).toBeLessThan(ids.indexOf(made.body.data.id));
      for (const item of listed.body.data) expect(item).not.toHaveProperty('token');

      const revoked = await revoke(instanceAdmin, made.body.data.id);
      expect(revoked.status).toBe(200);
      expect(revoked.body.data).toMatchObject({ id: made.body.data.id, status: 'revoked' });
      const revokedAt = revoked.body.data.revoked_at;
      expect(revokedAt).toEqual(expect.any(String));

      // Again: nothing changes, the same answer (idempotent).
      world.clock.advance(5000);
      const again = await revoke(instanceAdmin, made.body.data.id);
      expect(again.status).toBe(200);
      expect(again.body.data.revoked_at).toBe(revokedAt);

      const after = await list(instanceAdmin);
      const listedRevoked = after.body.data.find((t: { id: string }) => t.id === made.body.data.id);
      expect(listedRevoked.status).toBe('revoked');

      // Audited in the workspace the admin acted in: who and which token, never the token.
      const events = await listAuditEvents(world.database.handle.db, {
        workspaceId: home.id,
        environment: 'live',
        limit: 100,
      });
      const mine = events.items.filter((e) => e.target_id === made.body.data.id);
      expect(mine.map((e) => e.action).sort()).toEqual([
        'service_token_created',
        'service_token_revoked',
      ]);
      for (const event of mine) {
        expect(event).toMatchObject({
          actor_type: 'user',
          actor_id: instanceAdmin.userId,
          target_type: 'service_token',
          metadata: { name: 'billing-api', preview: `op_svc_…${token.slice(-4)}` },
        });
      }
      expect(JSON.stringify(events.items)).not.toContain(token);
    },
  );

  suite.run('answers 404 for an unknown id, and for an id no server could make', async () => {
    for (const id of ['svc_00000000-0000-0000-0000-000000000000', 'x%00y', 'a'.repeat(100)]) {
      const response = await revoke(instanceAdmin, id);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    const tooLong = await revoke(instanceAdmin, 'a'.repeat(101));
    expect(tooLong.status).toBeLessThan(500);
    expect(tooLong.status).toBeGreaterThanOrEqual(400);
  });

  suite.run('validates the name: 1–100 characters, no unknown fields', async () => {
    for (const body of [
      {},
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(101) },
      { name: 7 },
    ]) {
      const response = await create(instanceAdmin, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error.details[0].field).toBe('name');
    }
    const extra = await create(instanceAdmin, { name: 'ok', scopes: ['x'] });
    expect(extra.status).toBe(422);
  });

  suite.run('refuses a service token pasted into the name (the pasted-key guard)', async () => {
    const token = generateServiceToken();
    const response = await create(instanceAdmin, { name: `token ${token}` });
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).not.toContain(token);
    // And into an API key's name, by a key: the guard knows op_svc_ everywhere.
    const key = (await world.createKey(home, { scopes: ['api_keys:write'] })).plaintext;
    const keyName = await world.call('POST', '/api/v1/api-keys', {
      key,
      body: { name: `prod_${token}` },
    });
    expect(keyName.status).toBe(422);
    expect(JSON.stringify(keyName.body)).not.toContain(token);
  });

  suite.run(
    'refuses a workspace admin who is not an instance admin, and every API key',
    async () => {
      for (const response of [
        await list(workspaceAdmin),
        await create(workspaceAdmin, { name: 'nope' }),
        await revoke(workspaceAdmin, 'svc_x'),
      ]) {
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
      }
      const key = (await world.createKey(home, { scopes: [...SCOPES] })).plaintext;
      const byKey = await world.call('GET', '/api/v1/service-tokens', { key });
      expect(byKey.status).toBe(403);
      expect(byKey.body.error.code).toBe('FORBIDDEN');
    },
  );

  suite.run(
    'a token made here verifies keys until it is revoked here, then at once not',
    async () => {
      const made = await create(instanceAdmin, { name: 'verifier' });
      const token: string = made.body.data.token;
      const key = await world.createKey(home, { scopes: ['workspace:read'] });
      const verify = () =>
        world.call('POST', '/api/v1/keys/verify', {
          headers: { authorization: `Bearer ${token}` },
          body: { key: key.plaintext },
        });
      const before = await verify();
      expect(before.status).toBe(200);
      expect(before.body.data.code).toBe('VALID');
      expect((await revoke(instanceAdmin, made.body.data.id)).status).toBe(200);
      const after = await verify();
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('INVALID_API_KEY');
    },
  );

  suite.run('a service token is no credential for these routes (a bad API key: 401)', async () => {
    const made = await create(instanceAdmin, { name: 'not-a-key' });
    const response = await world.call('GET', '/api/v1/service-tokens', {
      key: made.body.data.token,
    });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('INVALID_API_KEY');
  });
});
