import { SCOPES } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import { worldPerSuite } from '../../test-support/world.js';

/**
 * What a person reads about keys (issue 17): the list shows usable keys unless asked for
 * more, a rotated key links to its replacement and back, a use shows before the minute's
 * flush, and the activity log names each key by its preview.
 */
describe.each(testDialects)('$name: how keys are shown', (dialect) => {
  const suite = worldPerSuite(dialect);
  const { run } = suite;
  let admin: string;

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    const workspace = await suite.world.createWorkspace('Acme');
    admin = (await suite.world.createKey(workspace, { scopes: [...SCOPES], name: 'admin key' }))
      .plaintext;
  });

  const call = (method: string, path: string, body?: Record<string, unknown>) =>
    suite.world.call(method, path, { key: admin, ...(body && { body }) });
  const create = async (name: string) =>
    (await call('POST', '/api/v1/api-keys', { name })).body.data;

  run('lists only usable keys by default; ?status=all and revoked widen', async () => {
    const kept = await create('default kept');
    const gone = await create('default gone');
    await call('DELETE', `/api/v1/api-keys/${gone.id}`);
    const ids = async (query: string) =>
      (await call('GET', `/api/v1/api-keys?limit=100${query}`)).body.data.map((k: any) => k.id);
    const byDefault = await ids('');
    expect(byDefault).toContain(kept.id);
    expect(byDefault).not.toContain(gone.id);
    expect(await ids('&status=active')).toEqual(byDefault);
    expect(await ids('&status=all')).toEqual(expect.arrayContaining([kept.id, gone.id]));
    expect(await ids('&status=revoked')).toContain(gone.id);
  });

  run('links a rotated key and its replacement both ways', async () => {
    const old = await create('linked');
    expect(old).toMatchObject({ rotated_from: null, replaced_by: null });
    const { body } = await call('PATCH', `/api/v1/api-keys/${old.id}/rotate`, {
      grace_period_seconds: 3600,
    });
    const { old_key: oldKey, new_key: newKey } = body.data;
    expect(oldKey).toMatchObject({ replaced_by: newKey.id, rotated_from: null, active: true });
    expect(newKey).toMatchObject({ rotated_from: old.id, replaced_by: null });
    const shown = (await call('GET', `/api/v1/api-keys/${old.id}`)).body.data;
    expect(shown.replaced_by).toBe(newKey.id);
  });

  run('reports a use at once, before the batch is written, and the same after it', async () => {
    const made = await create('used');
    const lastUsed = async () =>
      (await call('GET', `/api/v1/api-keys/${made.id}`)).body.data.last_used_at;
    expect(await lastUsed()).toBeNull();
    suite.world.clock.advance(1000);
    const usedAt = new Date(suite.world.clock.now()).toISOString();
    const who = await suite.world.call('GET', '/api/v1/auth/whoami', { key: made.api_key });
    expect(who.status).toBe(200);
    suite.world.clock.advance(5000);
    // Not yet written (the flush runs once a minute), yet the API knows.
    expect(await lastUsed()).toBe(usedAt);
    const listed = (await call('GET', '/api/v1/api-keys?limit=100')).body.data;
    expect(listed.find((k: any) => k.id === made.id).last_used_at).toBe(usedAt);
    await suite.world.deps.usage.flush();
    expect(await lastUsed()).toBe(usedAt);
  });

  run('names each key by its preview in the activity log', async () => {
    const made = await create('twin');
    const twin = await create('twin');
    await call('PATCH', `/api/v1/api-keys/${made.id}`, { scopes: ['workflows:read'] });
    const rotation = (await call('PATCH', `/api/v1/api-keys/${made.id}/rotate`)).body.data;
    await call('DELETE', `/api/v1/api-keys/${twin.id}`);
    const events = (await call('GET', '/api/v1/activity?limit=100')).body.data;
    // Events of one moment are in no particular order: each is found by its key.
    const of = (type: string, keyId: string) =>
      events.find((e: any) => e.type === type && e.target.id === keyId).metadata;
    expect(of('api_key_revoked', twin.id)).toMatchObject({ name: 'twin', preview: twin.preview });
    expect(of('api_key_rotated', made.id)).toMatchObject({
      preview: made.preview,
      new_preview: rotation.new_key.preview,
      new_key_id: rotation.new_key.id,
    });
    expect(of('api_key_updated', made.id)).toMatchObject({ preview: made.preview });
    expect(of('api_key_created', twin.id)).toMatchObject({ name: 'twin', preview: twin.preview });
    expect(of('api_key_created', made.id)).toMatchObject({ name: 'twin', preview: made.preview });
    expect(JSON.stringify(events)).not.toMatch(/op_(live|test)_[0-9A-Za-z]{32}/);
  });
});
