import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import {
  toWebhookOut,
  UpdateWebhookBody,
  WebhookIdParam,
  WebhookOut,
} from '../../schemas/webhook.js';
import { updateWebhook, webhookAccessOf } from '../../services/webhooks.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('webhooks:write', {
  method: 'patch',
  path: '/api/v1/webhooks/{id}',
  tags: ['Webhooks'],
  summary: 'Change a webhook: URL, description, events, or switch it off and on',
  description:
    'A disabled webhook gets no new events, and its pending deliveries fail when their turn comes.',
  request: { params: WebhookIdParam, body: jsonBody(UpdateWebhookBody) },
  responses: {
    200: jsonContent(envelope(WebhookOut), 'The webhook as it is now'),
    ...errorResponses(400, 404, 413, 415, 422),
  },
});

export const registerUpdateWebhook: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const webhook = await updateWebhook(
      deps,
      actorOf(principal),
      webhookAccessOf(principal),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, toWebhookOut(webhook)), 200);
  });
};
