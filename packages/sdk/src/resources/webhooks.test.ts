import { generateApiKey } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  type OnePinClient,
  revokeCredentials,
  UnprocessableEntityError,
  WEBHOOK_EVENT_TYPES,
} from '../index.js';
import { createSdkWorld, IN_PROCESS_BASE_URL, type SdkWorld } from '../test-support/real-app.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: client.webhooks`, () => {
    let sdk: SdkWorld;
    let admin: OnePinClient;

    beforeAll(async () => {
      sdk = await createSdkWorld(dialect);
      admin = await sdk.client(['webhooks:read', 'webhooks:write', 'api_keys:write']);
    });
    afterAll(() => sdk.dispose());

    it('creates, lists, updates, rotates and deletes a webhook', async () => {
      const made = await admin.webhooks.create({
        url: 'https://hooks.example.com/onepin',
        events: ['api_key.leaked', 'api_key.revoked'],
      });
      expect(made.secret.startsWith('whsec_')).toBe(true);
      const listed = await admin.webhooks.list();
      expect(listed.data.map((hook) => hook.id)).toContain(made.id);
      expect(await admin.webhooks.retrieve(made.id)).not.toHaveProperty('secret');

      const changed = await admin.webhooks.update(made.id, { active: false });
      expect(changed.active).toBe(false);
      const rotated = await admin.webhooks.rotateSecret(made.id, { grace_period_seconds: 0 });
      expect(rotated.secret).not.toBe(made.secret);
      expect(rotated.previous_secret_expires_at).toBeNull();

      await admin.webhooks.delete(made.id);
      await expect(admin.webhooks.retrieve(made.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('reads the delivery log and asks for a redelivery', async () => {
      const hook = await admin.webhooks.create({
        url: 'https://hooks.example.com/log',
        events: ['api_key.created'],
      });
      await admin.apiKeys.create({ name: 'announced' });
      const page = await admin.webhooks.deliveries(hook.id, { status: 'pending' });
      expect(page.data).toHaveLength(1);
      const delivery = page.data[0];
      if (!delivery) throw new Error('no delivery');
      expect(delivery.event_type).toBe('api_key.created');
      const detail = await admin.webhooks.delivery(hook.id, delivery.id);
      expect(detail.payload).toMatchObject({ type: 'api_key.created' });
      const again = await admin.webhooks.redeliver(hook.id, delivery.id);
      expect(again.status).toBe('pending');
      await admin.webhooks.update(hook.id, { active: false });
      await expect(admin.webhooks.redeliver(hook.id, delivery.id)).rejects.toBeInstanceOf(
        ConflictError,
      );
    });

    it('refuses an unknown event with the list of valid ones', async () => {
      const error = await admin.webhooks
        .create({ url: 'https://hooks.example.com/x', events: ['api_key.exploded' as never] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      expect((error as UnprocessableEntityError).details[0]?.message).toContain(
        WEBHOOK_EVENT_TYPES.join(', '),
      );
    });

    it('reports found keys to the public endpoint without a key of its own', async () => {
      const leaked = await sdk.world.createKey(sdk.workspace, { name: 'found in a paste' });
      const receipt = await revokeCredentials([leaked.plaintext, generateApiKey('live')], {
        baseUrl: IN_PROCESS_BASE_URL,
        fetch: async (request) => {
          expect(request.headers.get('authorization')).toBeNull();
          return sdk.world.app.request(request, undefined, {
            incoming: { socket: { remoteAddress: '192.0.2.10' } },
          } as never);
        },
      });
      expect(receipt).toEqual({ received: 2 });
    });
  });
}
