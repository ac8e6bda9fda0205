import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { ApiKeyIdParam, ApiKeyOut, toApiKeyOut, UpdateApiKeyBody } from '../../schemas/api-key.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { authorityOf, updateApiKey } from '../../services/api-keys.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('api_keys:write', {
  method: 'patch',
  path: '/api/v1/api-keys/{id}',
  tags: ['API keys'],
  summary: "Change a key's name, scopes, rate limit, active flag or expiry",
  description:
    'Revoked, expired and rotated-out keys cannot change (409). An API key cannot change its own rate limit, give a key a limit above its own or an expiry past its own, or turn a deactivated key back on (only an admin session can); a rotated-out key cannot change keys (403).',
  request: { params: ApiKeyIdParam, body: jsonBody(UpdateApiKeyBody) },
  responses: {
    200: jsonContent(envelope(ApiKeyOut), 'The updated key'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const registerUpdateApiKey: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const key = await updateApiKey(
      deps,
      actorOf(principal),
      authorityOf(principal, deps.settings),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    const now = deps.clock.now();
    return jsonResponse(
      c,
      dataEnvelope(
        c,
        deps.clock,
        toApiKeyOut(key, deps.scopes, now, deps.usage.lastUsedAt(key.id)),
      ),
      200,
    );
  });
};
