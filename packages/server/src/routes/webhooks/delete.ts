import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { toWebhookOut, WebhookIdParam, WebhookOut } from '../../schemas/webhook.js';
import { deleteWebhook, webhookAccessOf } from '../../services/webhooks.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('webhooks:write', {
  method: 'delete',
  path: '/api/v1/webhooks/{id}',
  tags: ['Webhooks'],
  summary: 'Delete a webhook, its pending deliveries and its delivery log',
  request: { params: WebhookIdParam },
  responses: {
    200: jsonContent(envelope(WebhookOut), 'The deleted webhook'),
    ...errorResponses(404),
  },
});

export const registerDeleteWebhook: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const webhook = await deleteWebhook(
      deps,
      actorOf(principal),
      webhookAccessOf(principal),
      c.req.valid('param').id,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, toWebhookOut(webhook)), 200);
  });
};
