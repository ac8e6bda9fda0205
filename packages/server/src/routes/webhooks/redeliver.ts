import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { DeliveryDetailOut, DeliveryParams, toDeliveryDetailOut } from '../../schemas/webhook.js';
import { redeliver, webhookAccessOf } from '../../services/webhooks.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('webhooks:write', {
  method: 'post',
  path: '/api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver',
  tags: ['Webhooks'],
  summary: 'Send a delivery again, now',
  description:
    'The same event, `webhook-id` and body, signed afresh. A delivery still being retried keeps its schedule after this attempt; a finished one gets this attempt only. 409 when the webhook is disabled.',
  request: { params: DeliveryParams },
  responses: {
    200: jsonContent(envelope(DeliveryDetailOut), 'The delivery, due now'),
    ...errorResponses(404, 409),
  },
});

export const registerRedeliverWebhook: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const { id, delivery_id } = c.req.valid('param');
    const found = await redeliver(
      deps,
      actorOf(principal),
      webhookAccessOf(principal),
      id,
      delivery_id,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, toDeliveryDetailOut(found)), 200);
  });
};
