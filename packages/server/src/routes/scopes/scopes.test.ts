import { SCOPES, ScopeCatalogue } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import { createServiceToken } from '../../services/service-tokens.js';
import { pendingUserCode } from '../../test-support/device-contract-cases.js';
import { type TestWorkspace, type TestWorld, worldPerSuite } from '../../test-support/world.js';

/** The operator's scopes, as `ONEPIN_SCOPES_FILE` would declare them. */
const catalogue = new ScopeCatalogue([
  { name: 'billing:read', description: 'Read invoices', roles: ['editor'] },
  { name: 'billing:write', description: 'Change invoices', roles: [] },
]);

describe.each(testDialects)('$name: your own scopes (issue 14)', (dialect) => {
  const suite = worldPerSuite(dialect, {
    scopes: catalogue,
    settings: { publicUrl: 'http://onepin.test' },
  });
  let world: TestWorld;
  let workspace: TestWorkspace;

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    world = suite.world;
    workspace = await world.createWorkspace('Scopes');
  });

  const createKey = (key: string, body: Record<string, unknown>) =>
    world.call('POST', '/api/v1/api-keys', { key, body });

  suite.run('GET /api/v1/scopes lists the whole catalogue to any credential', async () => {
    const bare = await world.createKey(workspace, { scopes: [] });
    const response = await world.call('GET', '/api/v1/scopes', { key: bare.plaintext });
    expect(response.status).toBe(200);
    expect(response.body.pagination).toBeUndefined();
    const data = response.body.data as Array<{ name: string }>;
    expect(data.map((scope) => scope.name)).toEqual(
      [...SCOPES, 'billing:read', 'billing:write'].sort(),
    );
    expect(data.find((scope) => scope.name === 'billing:read')).toEqual({
      name: 'billing:read',
      description: 'Read invoices',
      built_in: false,
      roles: ['admin', 'editor'],
    });
    expect(data.find((scope) => scope.name === 'webhooks:read')).toMatchObject({
      built_in: true,
      roles: ['admin'],
    });
    const viewer = await world.signIn(workspace, 'viewer');
    const asSession = await world.call('GET', '/api/v1/scopes', { session: viewer });
    expect(asSession.status).toBe(200);
    expect(asSession.body.data).toEqual(data);
  });

  suite.run('sessions hold the custom scopes their role is given', async () => {
    const editor = await world.signIn(workspace, 'editor');
    const session = await world.call('GET', '/api/v1/session', { session: editor });
    expect(session.body.data.scopes).toContain('billing:read');
    expect(session.body.data.scopes).not.toContain('billing:write');
    const admin = await world.call('GET', '/api/v1/session', {
      session: await world.signIn(workspace),
    });
    expect(admin.body.data.scopes).toEqual(catalogue.names);
  });

  suite.run('keys get custom scopes under the subset rule', async () => {
    const manager = await world.createKey(workspace, {
      scopes: ['api_keys:write', 'billing:read'],
    });
    const made = await createKey(manager.plaintext, { name: 'billing', scopes: ['billing:read'] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.data).toMatchObject({ scopes: ['billing:read'], unknown_scopes: [] });
    const whoami = await world.call('GET', '/api/v1/auth/whoami', { key: made.body.data.api_key });
    expect(whoami.body.data.scopes).toEqual(['billing:read']);

    const broader = await createKey(manager.plaintext, {
      name: 'broader',
      scopes: ['billing:read', 'billing:write'],
    });
    expect(broader.status).toBe(403);
    expect(broader.body.error.message).toContain('billing:write');

    const unknown = await createKey(manager.plaintext, { name: 'x', scopes: ['billing:delete'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toEqual([
      {
        field: 'scopes.0',
        message: `unknown scope "billing:delete"; valid scopes: ${catalogue.names.join(', ')}`,
      },
    ]);

    const changed = await world.call('PATCH', `/api/v1/api-keys/${made.body.data.id}`, {
      key: manager.plaintext,
      body: { scopes: ['billing:read', 'api_keys:write'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data.scopes).toEqual(['api_keys:write', 'billing:read']);
  });

  suite.run(
    'a member approves a device key only with the custom scopes of their role',
    async () => {
      const editor = await world.signIn(workspace, 'editor');
      const approve = async (scopes: string[]) =>
        world.call('POST', '/api/v1/device/approve', {
          session: editor,
          body: { user_code: await pendingUserCode(world), workspace_id: workspace.id, scopes },
        });
      const refused = await approve(['billing:write']);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('INSUFFICIENT_SCOPE');
      expect(refused.body.error.message).toContain('billing:write');
      expect((await approve(['billing:read'])).status).toBe(200);
      const request = await world.call(
        'GET',
        `/api/v1/device?user_code=${await pendingUserCode(world)}`,
        { session: editor },
      );
      const mine = request.body.data.workspaces.find((w: { id: string }) => w.id === workspace.id);
      expect(mine.grantable_scopes).toContain('billing:read');
      expect(mine.default_scopes).toContain('billing:read');
    },
  );

  suite.run(
    'a scope removed from the catalogue stays on its keys, shown unknown, granting nothing',
    async () => {
      // Made while the operator's file still declared it.
      const withGone = new ScopeCatalogue([
        ...catalogue.definitions.filter((d) => !d.builtIn),
        { name: 'gone:read', description: 'Removed since', roles: [] },
      ]);
      const made = await world.createKey(workspace, {
        name: 'old',
        scopes: ['api_keys:write', 'gone:read'],
        catalogue: withGone,
      });
      const key = made.plaintext;
      const id = made.id;

      const whoami = await world.call('GET', '/api/v1/auth/whoami', { key });
      expect(whoami.body.data.scopes).toEqual(['api_keys:write']);
      const admin = await world.signIn(workspace);
      const shown = await world.call('GET', `/api/v1/api-keys/${id}`, { session: admin });
      expect(shown.body.data).toMatchObject({
        scopes: ['api_keys:write', 'gone:read'],
        unknown_scopes: ['gone:read'],
      });

      // It cannot hand the scope on, nor may anyone add it to a key.
      const handedOn = await createKey(key, { name: 'x', scopes: ['gone:read'] });
      expect(handedOn.status).toBe(422);
      const added = await world.call('POST', '/api/v1/api-keys', {
        session: admin,
        body: { name: 'x', scopes: ['gone:read'] },
      });
      expect(added.status).toBe(422);
      // A key holding it is beyond a key's authority: only an admin changes it.
      const selfRename = await world.call('PATCH', `/api/v1/api-keys/${id}`, {
        key,
        body: { name: 'renamed' },
      });
      expect(selfRename.status).toBe(403);
      expect(selfRename.body.error.message).toContain('gone:read');
      // An admin may keep it on the key (the dashboard sends the key's scopes back) or drop it.
      const kept = await world.call('PATCH', `/api/v1/api-keys/${id}`, {
        session: admin,
        body: { name: 'kept', scopes: ['api_keys:write', 'gone:read'] },
      });
      expect(kept.status, JSON.stringify(kept.body)).toBe(200);
      expect(kept.body.data.unknown_scopes).toEqual(['gone:read']);
      const dropped = await world.call('PATCH', `/api/v1/api-keys/${id}`, {
        session: admin,
        body: { scopes: ['api_keys:write'] },
      });
      expect(dropped.body.data).toMatchObject({ scopes: ['api_keys:write'], unknown_scopes: [] });
    },
  );

  suite.run(
    "the verify API grants the operator's scopes, and a removed one nowhere (issue 14)",
    async () => {
      const withGone = new ScopeCatalogue([
        ...catalogue.definitions.filter((d) => !d.builtIn),
        { name: 'gone:read', description: 'Removed since', roles: [] },
      ]);
      const made = await world.createKey(workspace, {
        scopes: ['billing:read', 'gone:read'],
        catalogue: withGone,
      });
      const { token } = await createServiceToken(world.deps, {
        name: 'billing-api',
        createdBy: null,
      });
      const verify = (scopes: string[]) =>
        world.call('POST', '/api/v1/keys/verify', {
          headers: { authorization: `Bearer ${token}` },
          body: { key: made.plaintext, scopes },
        });

      const custom = await verify(['billing:read']);
      expect(custom.body.data).toMatchObject({ valid: true, code: 'VALID' });
      // Remote verifiers decide their cache hits from this list: the removed scope is not on it.
      expect(custom.body.data.key.scopes).toEqual(['billing:read']);
      const removed = await verify(['gone:read']);
      expect(removed.body.data).toMatchObject({
        valid: false,
        code: 'INSUFFICIENT_SCOPE',
        missing_scopes: ['gone:read'],
      });
    },
  );
});
