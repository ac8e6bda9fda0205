import { pageEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { ApiKeyListQuery, ApiKeyOut, toApiKeyOut } from '../../schemas/api-key.js';
import { errorResponses, jsonContent, listEnvelope } from '../../schemas/common.js';
import { authorityOf, listApiKeys } from '../../services/api-keys.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('api_keys:read', {
  method: 'get',
  path: '/api/v1/api-keys',
  tags: ['API keys'],
  summary: "List the workspace's API keys (never their secrets)",
  description: 'An API key sees only keys of its own type (live or test).',
  request: { query: ApiKeyListQuery },
  responses: {
    200: jsonContent(listEnvelope(ApiKeyOut), 'One page of keys'),
    ...errorResponses(422),
  },
});

export const registerListApiKeys: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const query = c.req.valid('query');
    const page = await listApiKeys(
      deps,
      principal.workspaceId,
      authorityOf(principal, deps.settings),
      query,
    );
    const now = deps.clock.now();
    return jsonResponse(
      c,
      pageEnvelope(
        c,
        deps.clock,
        page.items.map((key) => toApiKeyOut(key, deps.scopes, now, deps.usage.lastUsedAt(key.id))),
        { ...query, total: page.total },
      ),
      200,
    );
  });
};
