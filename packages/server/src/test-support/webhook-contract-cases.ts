import type { AuthContractCase } from './auth-contract.js';
import { seedDelivery, seedWebhook } from './webhooks.js';

/** The auth contract cases of the webhook routes. */
export const WEBHOOK_CONTRACT_CASES: AuthContractCase[] = [
  {
    operation: 'GET /api/v1/webhooks',
    scope: 'webhooks:read',
    targetsObject: false,
    prepare: async () => ({ method: 'GET', path: '/api/v1/webhooks' }),
  },
  {
    operation: 'POST /api/v1/webhooks',
    scope: 'webhooks:write',
    targetsObject: false,
    prepare: async () => ({
      method: 'POST',
      path: '/api/v1/webhooks',
      body: { url: 'https://hooks.example.com/new', events: ['api_key.revoked'] },
    }),
  },
  {
    operation: 'GET /api/v1/webhooks/{id}',
    scope: 'webhooks:read',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'GET',
      path: `/api/v1/webhooks/${(await seedWebhook(world, workspace)).id}`,
    }),
  },
  {
    operation: 'PATCH /api/v1/webhooks/{id}',
    scope: 'webhooks:write',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'PATCH',
      path: `/api/v1/webhooks/${(await seedWebhook(world, workspace)).id}`,
      body: { description: 'renamed' },
    }),
  },
  {
    operation: 'DELETE /api/v1/webhooks/{id}',
    scope: 'webhooks:write',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'DELETE',
      path: `/api/v1/webhooks/${(await seedWebhook(world, workspace)).id}`,
    }),
  },
  {
    operation: 'POST /api/v1/webhooks/{id}/rotate-secret',
    scope: 'webhooks:write',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'POST',
      path: `/api/v1/webhooks/${(await seedWebhook(world, workspace)).id}/rotate-secret`,
      body: { grace_period_seconds: 60 },
    }),
  },
  {
    operation: 'GET /api/v1/webhooks/{id}/deliveries',
    scope: 'webhooks:read',
    targetsObject: true,
    prepare: async (world, workspace) => ({
      method: 'GET',
      path: `/api/v1/webhooks/${(await seedWebhook(world, workspace)).id}/deliveries`,
    }),
  },
  {
    operation: 'GET /api/v1/webhooks/{id}/deliveries/{delivery_id}',
    scope: 'webhooks:read',
    targetsObject: true,
    prepare: async (world, workspace) => {
      const { webhookId, deliveryId } = await seedDelivery(world, workspace);
      return { method: 'GET', path: `/api/v1/webhooks/${webhookId}/deliveries/${deliveryId}` };
    },
  },
  {
    operation: 'POST /api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver',
    scope: 'webhooks:write',
    targetsObject: true,
    prepare: async (world, workspace) => {
      const { webhookId, deliveryId } = await seedDelivery(world, workspace);
      return {
        method: 'POST',
        path: `/api/v1/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`,
      };
    },
  },
];
