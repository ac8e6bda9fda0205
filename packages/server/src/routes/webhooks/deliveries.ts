import { pageEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { errorResponses, jsonContent, listEnvelope } from '../../schemas/common.js';
import {
  DeliveryListQuery,
  DeliveryOut,
  toDeliveryOut,
  WebhookIdParam,
} from '../../schemas/webhook.js';
import { listWebhookDeliveries, webhookAccessOf } from '../../services/webhooks.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('webhooks:read', {
  method: 'get',
  path: '/api/v1/webhooks/{id}/deliveries',
  tags: ['Webhooks'],
  summary: "A webhook's delivery log, newest first",
  description:
    'One entry per event sent to this webhook: its state, attempts so far, the last status code or error, and when the next attempt is due. Kept for 30 days.',
  request: { params: WebhookIdParam, query: DeliveryListQuery },
  responses: {
    200: jsonContent(listEnvelope(DeliveryOut), 'One page of deliveries'),
    ...errorResponses(404, 422),
  },
});

export const registerListWebhookDeliveries: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const query = c.req.valid('query');
    const page = await listWebhookDeliveries(
      deps,
      principal.workspaceId,
      webhookAccessOf(principal),
      c.req.valid('param').id,
      query,
    );
    return jsonResponse(
      c,
      pageEnvelope(c, deps.clock, page.items.map(toDeliveryOut), {
        limit: query.limit,
        offset: query.offset,
        total: page.total,
      }),
      200,
    );
  });
};
