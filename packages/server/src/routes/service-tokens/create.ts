import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import {
  CreateServiceTokenBody,
  ServiceTokenWithTokenOut,
  toServiceTokenOut,
} from '../../schemas/service-token.js';
import { createManagedServiceToken } from '../../services/service-token-management.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(
  null,
  {
    method: 'post',
    path: '/api/v1/service-tokens',
    tags: ['Service tokens'],
    summary: 'Create a service token (instance admins)',
    description:
      'A token (`op_svc_…`) with which a service of yours calls the verify API, and nothing else. The `token` is in this response only: store it now. Audited (never the token). Instance admins only (403 otherwise).',
    request: { body: jsonBody(CreateServiceTokenBody) },
    responses: {
      201: jsonContent(envelope(ServiceTokenWithTokenOut), 'The new token, shown this once'),
      ...errorResponses(400, 413, 415, 422),
    },
  },
  { instanceAdmin: true },
);

export const registerCreateServiceToken: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const { record, token } = await createManagedServiceToken(
      deps,
      actorOf(c.get('principal')),
      c.req.valid('json'),
    );
    const data = { ...toServiceTokenOut(record), token };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
