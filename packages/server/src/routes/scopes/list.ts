import { z } from '@hono/zod-openapi';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, jsonContent } from '../../schemas/common.js';
import { ScopeOut, toScopeOut } from '../../schemas/scope.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute(null, {
  method: 'get',
  path: '/api/v1/scopes',
  tags: ['Auth'],
  summary: 'The scopes keys can hold',
  description:
    "The server's scope catalogue, sorted by name: its built-in scopes and the operator's own (`ONEPIN_SCOPES_FILE`). Any valid credential may call this, a key without scopes included. The list is small (the operator declares at most 100), so it is returned whole, without pagination.",
  responses: { 200: jsonContent(envelope(z.array(ScopeOut)), 'Every scope') },
});

export const registerListScopes: RouteRegistrar = (app, deps) => {
  // The catalogue is fixed when the server starts: its wire form is made once.
  const data = deps.scopes.definitions.map(toScopeOut);
  app.openapi(route, (c) => jsonResponse(c, dataEnvelope(c, deps.clock, data), 200));
};
