import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { ApiKeyCreatedOut, CreateApiKeyBody, toApiKeyOut } from '../../schemas/api-key.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { authorityOf, createApiKey } from '../../services/api-keys.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('api_keys:write', {
  method: 'post',
  path: '/api/v1/api-keys',
  tags: ['API keys'],
  summary: 'Create an API key',
  description:
    "The plaintext `api_key` is in this response only. An API key can only create keys of its own type, with scopes it holds itself, expiring no later than itself, with a rate limit no higher than its own (without `expires_at` or `rate_limit_per_min`, the new key gets the caller's own when that is stricter). A rotated-out key cannot create keys.",
  request: { body: jsonBody(CreateApiKeyBody) },
  responses: {
    201: jsonContent(envelope(ApiKeyCreatedOut), 'The new key, with its plaintext'),
    ...errorResponses(400, 413, 415, 422),
  },
});

export const registerCreateApiKey: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const created = await createApiKey(
      deps,
      actorOf(principal),
      authorityOf(principal, deps.settings),
      c.req.valid('json'),
    );
    const now = deps.clock.now();
    const data = { ...toApiKeyOut(created.record, deps.scopes, now), api_key: created.plaintext };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
