import { SCOPES } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect } from 'vitest';
import { worldPerSuite } from '../../test-support/world.js';

describe.each(testDialects)('$name: PATCH /api/v1/api-keys/{id}/rotate', (dialect) => {
  const suite = worldPerSuite(dialect);
  const { run } = suite;
  let admin: string;

  beforeAll(async () => {
    if (!dialectAvailable(dialect)) return;
    const workspace = await suite.world.createWorkspace('Acme');
    admin = (await suite.world.createKey(workspace, { scopes: [...SCOPES], name: 'admin key' }))
      .plaintext;
  });

  /** A new key made by the admin key: the created object, plaintext included. */
  async function create(body: Record<string, unknown>) {
    return (await suite.world.call('POST', '/api/v1/api-keys', { key: admin, body })).body.data;
  }

  function rotate(id: string, body?: Record<string, unknown>) {
    return suite.world.call('PATCH', `/api/v1/api-keys/${id}/rotate`, {
      key: admin,
      ...(body && { body }),
    });
  }

  async function whoamiStatus(key: string) {
    return (await suite.world.call('GET', '/api/v1/auth/whoami', { key })).status;
  }

  run(
    'without grace: the old key stops at once, the new one works with the same settings',
    async () => {
      const old = await create({ name: 'svc', scopes: ['workflows:read'], rate_limit_per_min: 50 });
      expect(await whoamiStatus(old.api_key)).toBe(200);
      const { status, body } = await rotate(old.id);
      expect(status).toBe(200);
      const { old_key: oldKey, new_key: newKey } = body.data;
      expect(oldKey).toMatchObject({
        id: old.id,
        active: false,
        revoked_at: new Date(suite.world.clock.now()).toISOString(),
      });
      expect(oldKey.api_key).toBeUndefined();
      expect(newKey).toMatchObject({
        name: 'svc',
        scopes: ['workflows:read'],
        rate_limit_per_min: 50,
        key_type: 'live',
        active: true,
      });
      expect(newKey.id).not.toBe(old.id);
      expect(newKey.api_key).not.toBe(old.api_key);
      expect(await whoamiStatus(old.api_key)).toBe(401);
      expect(await whoamiStatus(newKey.api_key)).toBe(200);
    },
  );

  run('with grace: both keys work until the grace ends, then only the new one', async () => {
    const old = await create({ name: 'graceful' });
    const { body } = await rotate(old.id, { grace_period_seconds: 3600 });
    const graceEnd = new Date(suite.world.clock.now() + 3_600_000).toISOString();
    expect(body.data.old_key).toMatchObject({
      active: true,
      expires_at: graceEnd,
      revoked_at: null,
    });
    expect(await whoamiStatus(old.api_key)).toBe(200);
    expect(await whoamiStatus(body.data.new_key.api_key)).toBe(200);
    suite.world.clock.advance(3_600_000);
    expect(await whoamiStatus(old.api_key)).toBe(401);
    expect(await whoamiStatus(body.data.new_key.api_key)).toBe(200);
  });

  run('never lets the grace outlive the old key’s own expiry', async () => {
    const expiresAt = new Date(suite.world.clock.now() + 60_000).toISOString();
    const old = await create({ name: 'short', expires_at: expiresAt });
    const { body } = await rotate(old.id, { grace_period_seconds: 86_400 });
    expect(body.data.old_key.expires_at).toBe(expiresAt);
    expect(body.data.new_key.expires_at).toBe(expiresAt);
  });

  run('refuses a second rotation of a rotated-out key with 409', async () => {
    const old = await create({ name: 'twice' });
    await rotate(old.id, { grace_period_seconds: 60 });
    const again = await rotate(old.id);
    expect(again.status).toBe(409);
  });

  run.each([[-1], [604_801], [1.5], ['60']])(
    'refuses grace_period_seconds %j with 422',
    async (grace) => {
      const old = await create({ name: 'g' });
      const { status, body } = await rotate(old.id, { grace_period_seconds: grace });
      expect(status).toBe(422);
      expect(body.error.details[0].field).toBe('grace_period_seconds');
    },
  );
});
