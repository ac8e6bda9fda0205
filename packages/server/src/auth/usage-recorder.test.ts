import { findApiKeyById } from '@onepin/db';
import { testDialects } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { worldPerSuite } from '../test-support/world.js';

describe.each(testDialects)('$name: last_used_at', (dialect) => {
  const suite = worldPerSuite(dialect);
  const { run } = suite;

  run('is collected in memory and written in one batch, never per request', async () => {
    const workspace = await suite.world.createWorkspace();
    const created = await suite.world.createKey(workspace);
    const lastUsed = async () =>
      (await findApiKeyById(suite.world.database.handle.db, workspace.id, created.id))
        ?.last_used_at;
    for (let i = 0; i < 5; i++) {
      suite.world.clock.advance(1000);
      expect(
        (await suite.world.call('GET', '/api/v1/auth/whoami', { key: created.plaintext })).status,
      ).toBe(200);
    }
    expect(await lastUsed()).toBeNull();
    expect(suite.world.deps.usage.pendingCount).toBeGreaterThanOrEqual(1);
    await suite.world.deps.usage.flush();
    expect(await lastUsed()).toBe(new Date(suite.world.clock.now()).toISOString());
    expect(suite.world.deps.usage.pendingCount).toBe(0);
  });

  run(
    'answers lastUsedAt from memory until the batch is written, also while it is written',
    async () => {
      const workspace = await suite.world.createWorkspace();
      const created = await suite.world.createKey(workspace);
      const usage = suite.world.deps.usage;
      expect(usage.lastUsedAt(created.id)).toBeUndefined();
      usage.record(created.id, 1_000);
      expect(usage.lastUsedAt(created.id)).toBe(1_000);
      const writing = usage.flush();
      // The batch left the pending map but is not in the database yet: still known here.
      expect(usage.lastUsedAt(created.id)).toBe(1_000);
      await writing;
      expect(usage.lastUsedAt(created.id)).toBeUndefined();
    },
  );

  run('does not record failed requests', async () => {
    const workspace = await suite.world.createWorkspace();
    const created = await suite.world.createKey(workspace, { scopes: [] });
    await suite.world.deps.usage.flush();
    const refused = await suite.world.call('GET', '/api/v1/auth/whoami', {
      key: created.plaintext,
      headers: { 'x-workspace-id': 'other' },
    });
    expect(refused.status).toBe(403);
    expect(suite.world.deps.usage.pendingCount).toBe(0);
  });
});
