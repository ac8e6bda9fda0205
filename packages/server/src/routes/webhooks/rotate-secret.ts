import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import {
  RotateWebhookSecretBody,
  toWebhookOut,
  WebhookIdParam,
  WebhookWithSecretOut,
} from '../../schemas/webhook.js';
import {
  DEFAULT_SECRET_GRACE_SECONDS,
  rotateWebhookSecret,
  webhookAccessOf,
} from '../../services/webhooks.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('webhooks:write', {
  method: 'post',
  path: '/api/v1/webhooks/{id}/rotate-secret',
  tags: ['Webhooks'],
  summary: "Rotate a webhook's signing secret",
  description:
    'The new `secret` is in this response only. The previous secret keeps signing beside it (two `v1,` signatures per delivery) for `grace_period_seconds` (default 86400, 0 to drop it at once, at most 604800), so receivers can switch without missing a delivery.',
  request: { params: WebhookIdParam, body: jsonBody(RotateWebhookSecretBody) },
  responses: {
    200: jsonContent(envelope(WebhookWithSecretOut), 'The webhook, with its new signing secret'),
    ...errorResponses(400, 404, 413, 415, 422),
  },
});

export const registerRotateWebhookSecret: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const rotated = await rotateWebhookSecret(
      deps,
      actorOf(principal),
      webhookAccessOf(principal),
      c.req.valid('param').id,
      c.req.valid('json').grace_period_seconds ?? DEFAULT_SECRET_GRACE_SECONDS,
    );
    const data = { ...toWebhookOut(rotated.record), secret: rotated.secret };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
