import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { CreateWebhookBody, toWebhookOut, WebhookWithSecretOut } from '../../schemas/webhook.js';
import { createWebhook, webhookAccessOf } from '../../services/webhooks.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('webhooks:write', {
  method: 'post',
  path: '/api/v1/webhooks',
  tags: ['Webhooks'],
  summary: 'Create a webhook',
  description:
    'Deliveries are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,…`) with the `secret` in this response, shown only this once. The URL must reach a public address (private, loopback and link-local targets are refused, at creation and at every delivery). A workspace has at most 20 webhooks (409 beyond).',
  request: { body: jsonBody(CreateWebhookBody) },
  responses: {
    201: jsonContent(envelope(WebhookWithSecretOut), 'The new webhook, with its signing secret'),
    ...errorResponses(400, 409, 413, 415, 422),
  },
});

export const registerCreateWebhook: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const created = await createWebhook(
      deps,
      actorOf(principal),
      webhookAccessOf(principal),
      c.req.valid('json'),
    );
    const data = { ...toWebhookOut(created.record), secret: created.secret };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
