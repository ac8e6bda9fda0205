import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { toWebhookOut, WebhookIdParam, WebhookOut } from '../../schemas/webhook.js';
import { getWebhook, webhookAccessOf } from '../../services/webhooks.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('webhooks:read', {
  method: 'get',
  path: '/api/v1/webhooks/{id}',
  tags: ['Webhooks'],
  summary: 'Show one webhook (never its secret)',
  request: { params: WebhookIdParam },
  responses: { 200: jsonContent(envelope(WebhookOut), 'The webhook'), ...errorResponses(404) },
});

export const registerGetWebhook: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const webhook = await getWebhook(
      deps,
      principal.workspaceId,
      webhookAccessOf(principal),
      c.req.valid('param').id,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, toWebhookOut(webhook)), 200);
  });
};
