import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import {
  ServiceTokenIdParam,
  ServiceTokenOut,
  toServiceTokenOut,
} from '../../schemas/service-token.js';
import { revokeManagedServiceToken } from '../../services/service-token-management.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(
  null,
  {
    method: 'delete',
    path: '/api/v1/service-tokens/{id}',
    tags: ['Service tokens'],
    summary: 'Revoke a service token (instance admins)',
    description:
      'The token stops working on the next request, on every node. Revoking a revoked token changes nothing and answers it as it is; an unknown id is 404. Audited. Instance admins only (403 otherwise).',
    request: { params: ServiceTokenIdParam },
    responses: {
      200: jsonContent(envelope(ServiceTokenOut), 'The revoked token'),
      ...errorResponses(404),
    },
  },
  { instanceAdmin: true },
);

export const registerRevokeServiceToken: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const { record } = await revokeManagedServiceToken(
      deps,
      actorOf(c.get('principal')),
      c.req.valid('param').id,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, toServiceTokenOut(record)), 200);
  });
};
