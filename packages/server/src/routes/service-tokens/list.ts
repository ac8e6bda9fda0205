import { z } from '@hono/zod-openapi';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, jsonContent } from '../../schemas/common.js';
import { ServiceTokenOut, toServiceTokenOut } from '../../schemas/service-token.js';
import { listManagedServiceTokens } from '../../services/service-token-management.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(
  null,
  {
    method: 'get',
    path: '/api/v1/service-tokens',
    tags: ['Service tokens'],
    summary: "List the instance's service tokens (instance admins)",
    description:
      'Every service token of the server, newest first, revoked ones too: never the token, only its preview. Service tokens call only the verify API (`/api/v1/keys/verify…`). Instance admins only (403 otherwise).',
    responses: {
      200: jsonContent(envelope(z.array(ServiceTokenOut)), 'The service tokens, newest first'),
    },
  },
  { instanceAdmin: true },
);

export const registerListServiceTokens: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const tokens = await listManagedServiceTokens(deps);
    return jsonResponse(c, dataEnvelope(c, deps.clock, tokens.map(toServiceTokenOut)), 200);
  });
};
