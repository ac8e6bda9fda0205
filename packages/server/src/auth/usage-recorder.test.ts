import { findApiKeyById } from '@onepin/db';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../test-support/world.js';

describe.each(testDialects)('$name: last_used_at', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    if (dialectAvailable(dialect)) world = await createTestWorld(dialect);
  });
  afterAll(async () => world?.dispose());
  const run = it.skipIf(!dialectAvailable(dialect));

  run('is collected in memory and written in one batch, never per request', async () => {
    const workspace = await world.createWorkspace();
    const created = await world.createKey(workspace);
    const lastUsed = async () =>
      (await findApiKeyById(world.database.handle.db, workspace.id, created.id))?.last_used_at;
    for (let i = 0; i < 5; i++) {
      world.clock.advance(1000);
      expect(
        (await world.call('GET', '/api/v1/auth/whoami', { key: created.plaintext })).status,
      ).toBe(200);
    }
    expect(await lastUsed()).toBeNull();
    expect(world.deps.usage.pendingCount).toBeGreaterThanOrEqual(1);
    await world.deps.usage.flush();
    expect(await lastUsed()).toBe(new Date(world.clock.now()).toISOString());
    expect(world.deps.usage.pendingCount).toBe(0);
  });

  run('does not record failed requests', async () => {
    const workspace = await world.createWorkspace();
    const created = await world.createKey(workspace, { scopes: [] });
    await world.deps.usage.flush();
    const refused = await world.call('GET', '/api/v1/auth/whoami', {
      key: created.plaintext,
      headers: { 'x-workspace-id': 'other' },
    });
    expect(refused.status).toBe(403);
    expect(world.deps.usage.pendingCount).toBe(0);
  });
});
