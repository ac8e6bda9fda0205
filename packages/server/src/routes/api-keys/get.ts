import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { ApiKeyIdParam, ApiKeyOut, toApiKeyOut } from '../../schemas/api-key.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { authorityOf, getApiKey } from '../../services/api-keys.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('api_keys:read', {
  method: 'get',
  path: '/api/v1/api-keys/{id}',
  tags: ['API keys'],
  summary: 'Show one API key (never its secret)',
  request: { params: ApiKeyIdParam },
  responses: { 200: jsonContent(envelope(ApiKeyOut), 'The key'), ...errorResponses(404) },
});

export const registerGetApiKey: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const key = await getApiKey(
      deps,
      principal.workspaceId,
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
