import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { DeliveryDetailOut, DeliveryParams, toDeliveryDetailOut } from '../../schemas/webhook.js';
import { getWebhookDelivery, webhookAccessOf } from '../../services/webhooks.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('webhooks:read', {
  method: 'get',
  path: '/api/v1/webhooks/{id}/deliveries/{delivery_id}',
  tags: ['Webhooks'],
  summary: 'One delivery: the body sent and every attempt with its status code',
  request: { params: DeliveryParams },
  responses: {
    200: jsonContent(envelope(DeliveryDetailOut), 'The delivery'),
    ...errorResponses(404),
  },
});

export const registerGetWebhookDelivery: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const { id, delivery_id } = c.req.valid('param');
    const found = await getWebhookDelivery(
      deps,
      principal.workspaceId,
      webhookAccessOf(principal),
      id,
      delivery_id,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, toDeliveryDetailOut(found)), 200);
  });
};
