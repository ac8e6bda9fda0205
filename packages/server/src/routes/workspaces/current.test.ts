import { testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { createApiKey, FULL_AUTHORITY } from '../../services/api-keys.js';
import { SAMPLE_DEFINITION, uniqueName } from '../../test-support/resources.js';
import { type TestWorkspace, type TestWorld, worldPerSuite } from '../../test-support/world.js';

/** A key the way `onepin-server admin create-key` makes it: created by no person. */
async function adminKey(world: TestWorld, workspace: TestWorkspace, scopes: string[]) {
  const { plaintext } = await createApiKey(
    world.deps,
    { type: 'system', id: null, name: 'admin', workspaceId: workspace.id, userId: null },
    FULL_AUTHORITY,
    { name: 'from the admin command', scopes: scopes as never, key_type: 'live' },
  );
  return plaintext;
}

const OFFICIAL_WORKSPACE_DEFAULTS = {
  color_idx: 0,
  routing_price_sensitivity: 0.5,
  routing_llm_fit: false,
};

describe.each(testDialects)('$name: workspace and whoami', (dialect) => {
  const suite = worldPerSuite(dialect);
  const { run } = suite;

  run('GET /workspaces/current answers the key’s workspace', async () => {
    const workspace = await suite.world.createWorkspace('Acme Voice Ltd.');
    const key = (await suite.world.createKey(workspace, { scopes: ['workspace:read'] })).plaintext;
    const { status, body } = await suite.world.call('GET', '/api/v1/workspaces/current', { key });
    expect(status).toBe(200);
    expect(body.data).toEqual({
      id: workspace.id,
      name: 'Acme Voice Ltd.',
      slug: expect.stringMatching(/^acme-voice-ltd(-\d+)?$/),
      created_by: workspace.userId,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      ...OFFICIAL_WORKSPACE_DEFAULTS,
    });
    const byId = await suite.world.call('GET', `/api/v1/workspaces/${workspace.id}`, { key });
    expect(byId.body.data).toEqual(body.data);
    const list = await suite.world.call('GET', '/api/v1/workspaces', { key });
    expect(list.body.data).toEqual([body.data]);
    expect(list.body.pagination).toMatchObject({ limit: 50, offset: 0, total: 1 });
  });

  run("answers 404 for a workspace that is not the key's, existing or not", async () => {
    const mine = await suite.world.createWorkspace('Mine');
    const theirs = await suite.world.createWorkspace('Theirs');
    const key = (await suite.world.createKey(mine, { scopes: ['workspace:read'] })).plaintext;
    for (const id of [theirs.id, '00000000-0000-4000-8000-000000000000', 'slug-available']) {
      const response = await suite.world.call('GET', `/api/v1/workspaces/${id}`, { key });
      expect(response.status, id).toBe(404);
    }
  });

  run("lists a session's every workspace, and shows each; another person's is 404", async () => {
    const first = await suite.world.createWorkspace('First');
    const second = await suite.world.createWorkspace('Second');
    const stranger = await suite.world.createWorkspace('Stranger');
    // The owner of `first` joins `second` as a viewer.
    const person = { userId: first.userId, email: first.email };
    const { insertMembership } = await import('@onepin/db');
    await insertMembership(suite.world.database.handle.db, {
      workspace_id: second.id,
      user_id: first.userId,
      role: 'viewer',
      created_at: new Date(suite.world.clock.now() + 1).toISOString(),
    });
    const session = await suite.world.sessionFor(person);
    const list = await suite.world.call('GET', '/api/v1/workspaces', { session });
    expect(list.body.data.map((w: any) => w.id)).toEqual([first.id, second.id]);
    const shown = await suite.world.call('GET', `/api/v1/workspaces/${second.id}`, { session });
    expect(shown.body.data).toMatchObject({ id: second.id, created_by: second.userId });
    const hidden = await suite.world.call('GET', `/api/v1/workspaces/${stranger.id}`, { session });
    expect(hidden.status).toBe(404);
  });

  run('attributes what a key from the admin command does to the workspace owner', async () => {
    const workspace = await suite.world.createWorkspace('Headless');
    const key = await adminKey(suite.world, workspace, [
      'workflows:write',
      'uploads:write',
      'workspace:read',
    ]);
    const whoami = await suite.world.call('GET', '/api/v1/auth/whoami', { key });
    expect(whoami.body.data.user_id).toBe(workspace.userId);
    const workflow = await suite.world.call('POST', '/api/v1/workflows', {
      key,
      body: { name: uniqueName(), definition: SAMPLE_DEFINITION },
    });
    expect(workflow.body.data).toMatchObject({ user_id: workspace.userId, created_by: null });
    const upload = await suite.world.call('POST', '/api/v1/uploads', {
      key,
      body: { filename: 'a.txt', category: 'script' },
    });
    expect(upload.body.data.upload).toMatchObject({ user_id: workspace.userId, created_by: null });
  });

  run('whoami works for a key without scopes and names the workspace and the key', async () => {
    const workspace = await suite.world.createWorkspace('Whoami Inc');
    const expiresAt = new Date(suite.world.clock.now() + 86_400_000).toISOString();
    const created = await suite.world.createKey(workspace, {
      name: 'bare',
      expiresAt,
      type: 'test',
    });
    const { status, body } = await suite.world.call('GET', '/api/v1/auth/whoami', {
      key: created.plaintext,
    });
    expect(status).toBe(200);
    expect(body.data).toEqual({
      auth_kind: 'api_key',
      user_id: workspace.userId,
      workspace_id: workspace.id,
      workspace_name: 'Whoami Inc',
      api_key_id: created.id,
      key_name: 'bare',
      key_type: 'test',
      scopes: [],
      role: null,
      created_at: new Date(suite.world.clock.now()).toISOString(),
      expires_at: expiresAt,
    });
    const refused = await suite.world.call('GET', '/api/v1/workspaces/current', {
      key: created.plaintext,
    });
    expect(refused.status).toBe(403);
  });
});
