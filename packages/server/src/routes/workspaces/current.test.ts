import { testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { worldPerSuite } from '../../test-support/world.js';

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
      created_at: expect.any(String),
    });
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
