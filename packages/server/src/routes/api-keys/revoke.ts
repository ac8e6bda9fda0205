import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { ApiKeyIdParam, ApiKeyOut, toApiKeyOut } from '../../schemas/api-key.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { authorityOf, revokeApiKey } from '../../services/api-keys.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('api_keys:write', {
  method: 'delete',
  path: '/api/v1/api-keys/{id}',
  tags: ['API keys'],
  summary: 'Revoke a key',
  description:
    'Soft: the key stops working at once and stays listed as revoked. Revoking twice is harmless. A rotated-out key cannot revoke keys (403).',
  request: { params: ApiKeyIdParam },
  responses: { 200: jsonContent(envelope(ApiKeyOut), 'The revoked key'), ...errorResponses(404) },
});

export const registerRevokeApiKey: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const key = await revokeApiKey(
      deps,
      actorOf(principal),
      authorityOf(principal, deps.settings),
      c.req.valid('param').id,
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
