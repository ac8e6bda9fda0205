import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OnePinClient, PermissionDeniedError } from '../index.js';
import { createSdkWorld, type SdkWorld } from '../test-support/real-app.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(
    `${dialect.name}: client.auth, client.workspace, client.activity`,
    () => {
      let sdk: SdkWorld;
      let client: OnePinClient;

      beforeAll(async () => {
        sdk = await createSdkWorld(dialect);
        client = await sdk.client(['workspace:read', 'api_keys:write', 'api_keys:read']);
      });
      afterAll(() => sdk.dispose());

      it('whoami describes the key, and needs no scope', async () => {
        const bare = await sdk.client([]);
        const me = await bare.auth.whoami();
        expect(me).toMatchObject({
          auth_kind: 'api_key',
          workspace_id: sdk.workspace.id,
          workspace_name: 'Acme',
          key_type: 'live',
          scopes: [],
        });
      });

      it('sends the token as a bearer header and X-Workspace-Id when configured', async () => {
        const scoped = client.withOptions({ workspaceId: sdk.workspace.id });
        await scoped.workspace.retrieve();
        const sent = sdk.requests.at(-1);
        expect(sent?.headers.get('authorization')).toMatch(/^Bearer op_live_/);
        expect(sent?.headers.get('x-workspace-id')).toBe(sdk.workspace.id);
        expect(sent?.url).toBe('http://onepin.test/api/v1/workspaces/current');
      });

      it("retrieves the token's workspace", async () => {
        await expect(client.workspace.retrieve()).resolves.toMatchObject({
          id: sdk.workspace.id,
          name: 'Acme',
        });
      });

      it('a foreign X-Workspace-Id is a 403 WORKSPACE_MISMATCH', async () => {
        const other = await sdk.world.createWorkspace('Other');
        const error = await client
          .withOptions({ workspaceId: other.id })
          .workspace.retrieve()
          .catch((e) => e);
        expect(error).toBeInstanceOf(PermissionDeniedError);
        expect(error.code).toBe('WORKSPACE_MISMATCH');
      });

      it('walks the audit log across cursor pages, newest first', async () => {
        for (let i = 0; i < 7; i++) await client.apiKeys.create({ name: `audited ${i}` });
        const first = await client.activity.list({ limit: 3 });
        expect(first.data).toHaveLength(3);
        expect(first.pagination.cursor).toEqual(expect.any(String));
        expect(first.hasNextPage()).toBe(true);

        const second = await first.getNextPage();
        expect(second.data[0]?.id).not.toBe(first.data[0]?.id);

        const events = [];
        for await (const event of client.activity.list({ limit: 3 })) events.push(event);
        const created = events.filter((event) => event.type === 'api_key_created');
        expect(created.length).toBeGreaterThanOrEqual(7);
        expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
        const times = events.map((event) => event.created_at);
        expect([...times].sort().reverse()).toEqual(times);
      });
    },
  );
}
