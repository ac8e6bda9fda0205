import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import {
  ApiKeyIdParam,
  ApiKeyRotateOut,
  RotateApiKeyBody,
  toApiKeyOut,
} from '../../schemas/api-key.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { authorityOf, rotateApiKey } from '../../services/api-keys.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('api_keys:write', {
  method: 'patch',
  path: '/api/v1/api-keys/{id}/rotate',
  tags: ['API keys'],
  summary: 'Replace a key with a new secret',
  description:
    "The new key keeps the name, scopes, type, rate limit, expiry and active flag, and the old key's rate-limit count. The old key stops now, or after `grace_period_seconds` (never past its own expiry). The new plaintext is in this response only. An API key can rotate only keys it could create: 403 when the key would outlive the caller or has a higher rate limit; a rotated-out key cannot rotate keys.",
  request: {
    params: ApiKeyIdParam,
    body: { content: { 'application/json': { schema: RotateApiKeyBody } }, required: false },
  },
  responses: {
    200: jsonContent(envelope(ApiKeyRotateOut), 'The old key (as it is now) and the new key'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const registerRotateApiKey: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const grace = c.req.valid('json').grace_period_seconds ?? 0;
    const { oldKey, newKey } = await rotateApiKey(
      deps,
      actorOf(principal),
      authorityOf(principal, deps.settings),
      c.req.valid('param').id,
      grace,
    );
    const now = deps.clock.now();
    const data = {
      old_key: toApiKeyOut(oldKey, deps.scopes, now, deps.usage.lastUsedAt(oldKey.id)),
      new_key: { ...toApiKeyOut(newKey.record, deps.scopes, now), api_key: newKey.plaintext },
    };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
