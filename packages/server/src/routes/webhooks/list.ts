import { pageEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { errorResponses, jsonContent, listEnvelope, OffsetQuery } from '../../schemas/common.js';
import { toWebhookOut, WebhookOut } from '../../schemas/webhook.js';
import { listWebhooks, webhookAccessOf } from '../../services/webhooks.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('webhooks:read', {
  method: 'get',
  path: '/api/v1/webhooks',
  tags: ['Webhooks'],
  summary: "List the workspace's webhooks (never their secrets)",
  description: 'An API key sees only the webhooks of its own type (live or test); oldest first.',
  request: { query: OffsetQuery },
  responses: {
    200: jsonContent(listEnvelope(WebhookOut), 'One page of webhooks'),
    ...errorResponses(422),
  },
});

export const registerListWebhooks: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const query = c.req.valid('query');
    const page = await listWebhooks(deps, principal.workspaceId, webhookAccessOf(principal), query);
    return jsonResponse(
      c,
      pageEnvelope(c, deps.clock, page.items.map(toWebhookOut), { ...query, total: page.total }),
      200,
    );
  });
};
