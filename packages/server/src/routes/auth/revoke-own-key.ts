import { ApiError } from '../../api-error.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { ApiKeyOut, toApiKeyOut } from '../../schemas/api-key.js';
import { envelope, jsonContent } from '../../schemas/common.js';
import { revokeOwnDeviceKey } from '../../services/device-login.js';
import { ownKeyRoute, type RouteRegistrar } from '../route-definition.js';

const route = ownKeyRoute({
  method: 'delete',
  path: '/api/v1/auth/key',
  tags: ['Auth'],
  summary: 'Revoke the calling key (device-login keys only)',
  description:
    'What `onepin logout` does with a key `onepin login --web` made: the key revokes itself, whatever its scopes, and answers itself revoked. Any other key gets 403 `FORBIDDEN` (a pasted key is revoked by whoever manages it, in the dashboard or with `onepin keys revoke`); a session gets 403.',
  responses: {
    200: jsonContent(envelope(ApiKeyOut), 'The key, revoked'),
  },
});

export const registerRevokeOwnKey: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'api_key') throw new ApiError('FORBIDDEN');
    const revoked = await revokeOwnDeviceKey(deps, principal);
    return jsonResponse(
      c,
      dataEnvelope(c, deps.clock, toApiKeyOut(revoked, deps.scopes, deps.clock.now())),
      200,
    );
  });
};
