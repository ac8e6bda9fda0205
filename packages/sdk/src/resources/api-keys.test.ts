import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, ConflictError, type OnePinClient } from '../index.js';
import { createSdkWorld, type SdkWorld } from '../test-support/real-app.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: client.apiKeys`, () => {
    let sdk: SdkWorld;
    let admin: OnePinClient;

    beforeAll(async () => {
      sdk = await createSdkWorld(dialect);
      admin = await sdk.client(['api_keys:read', 'api_keys:write', 'workspace:read']);
    });
    afterAll(() => sdk.dispose());

    it('creates a key and returns its plaintext once, which then authenticates', async () => {
      const created = await admin.apiKeys.create({ name: 'CI deploy', scopes: ['workspace:read'] });
      expect(created).toMatchObject({
        name: 'CI deploy',
        scopes: ['workspace:read'],
        key_type: 'live',
        active: true,
        workspace_id: sdk.workspace.id,
      });
      expect(created.api_key.startsWith('op_live_')).toBe(true);
      expect(created.preview).toBe(`op_live_…${created.api_key.slice(-4)}`);

      const shown = await admin.apiKeys.retrieve(created.id);
      expect(shown).not.toHaveProperty('api_key');
      expect(shown.id).toBe(created.id);

      const workspace = await sdk.clientFor(created.api_key).workspace.retrieve();
      expect(workspace.id).toBe(sdk.workspace.id);
    });

    it('lists keys as a page with offset pagination, filtered by status', async () => {
      const page = await admin.apiKeys.list({ limit: 2, status: 'active' });
      expect(page.data).toHaveLength(2);
      expect(page.pagination).toMatchObject({ limit: 2, offset: 0 });
      expect(page.pagination.total).toBeGreaterThanOrEqual(2);
      expect(page.data.every((key) => key.active)).toBe(true);
    });

    it('updates a key and clears its expiry with null', async () => {
      const created = await admin.apiKeys.create({
        name: 'temporary',
        expires_at: '2030-01-01T00:00:00Z',
      });
      expect(created.expires_at).toBe('2030-01-01T00:00:00.000Z');
      const updated = await admin.apiKeys.update(created.id, {
        name: 'permanent',
        scopes: ['workspace:read'],
        expires_at: null,
      });
      expect(updated).toMatchObject({
        name: 'permanent',
        scopes: ['workspace:read'],
        expires_at: null,
      });
    });

    it('rotates with a grace period: the old key works until it ends, the new one at once', async () => {
      const original = await admin.apiKeys.create({ name: 'rotating', scopes: ['workspace:read'] });
      const { old_key, new_key } = await admin.apiKeys.rotate(original.id, {
        grace_period_seconds: 3600,
      });
      expect(new_key.api_key).not.toBe(original.api_key);
      expect(new_key).toMatchObject({ name: 'rotating', scopes: ['workspace:read'] });
      expect(old_key.id).toBe(original.id);

      const oldClient = sdk.clientFor(original.api_key, { maxRetries: 0 });
      const newClient = sdk.clientFor(new_key.api_key);
      await expect(oldClient.auth.whoami()).resolves.toMatchObject({ api_key_id: original.id });
      await expect(newClient.auth.whoami()).resolves.toMatchObject({ api_key_id: new_key.id });

      sdk.world.clock.advance(3601 * 1000);
      await expect(oldClient.auth.whoami()).rejects.toBeInstanceOf(AuthenticationError);
      await expect(newClient.auth.whoami()).resolves.toMatchObject({ key_name: 'rotating' });
    });

    it('rotates without a body, ending the old key at once', async () => {
      const original = await admin.apiKeys.create({ name: 'rotate-now' });
      const { new_key } = await admin.apiKeys.rotate(original.id);
      await expect(sdk.clientFor(original.api_key).auth.whoami()).rejects.toBeInstanceOf(
        AuthenticationError,
      );
      await expect(sdk.clientFor(new_key.api_key).auth.whoami()).resolves.toBeTruthy();
    });

    it('revokes a key, which then fails with 401; changing it afterwards is a 409', async () => {
      const created = await admin.apiKeys.create({ name: 'to revoke' });
      const revoked = await admin.apiKeys.revoke(created.id);
      expect(revoked.active).toBe(false);
      expect(revoked.revoked_at).not.toBeNull();
      await expect(sdk.clientFor(created.api_key).auth.whoami()).rejects.toMatchObject({
        status: 401,
        code: 'INVALID_API_KEY',
      });
      const conflict = await admin.apiKeys.update(created.id, { name: 'x' }).catch((e) => e);
      expect(conflict).toBeInstanceOf(ConflictError);
      expect(conflict.code).toBe('CONFLICT');
    });

    it('iterates every key across pages', async () => {
      for (let i = 0; i < 120; i++) {
        await sdk.world.createKey(sdk.workspace, { name: `bulk ${i}` });
      }
      const total = (await admin.apiKeys.list({ limit: 1 })).pagination.total;
      expect(total).toBeGreaterThan(120);
      const ids = new Set<string>();
      for await (const key of admin.apiKeys.list({ limit: 50 })) ids.add(key.id);
      expect(ids.size).toBe(total);

      const pages = [];
      for await (const page of (await admin.apiKeys.list({ limit: 50 })).iterPages()) {
        pages.push(page.data.length);
      }
      expect(pages).toEqual([50, 50, total - 100]);
    });
  });
}
