import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { SetupCheckOut, SetupQuery } from '../../schemas/session.js';
import { setupTokenUsable } from '../../services/setup.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';

const route = publicRoute({
  method: 'get',
  path: '/api/v1/setup',
  tags: ['Session'],
  summary: 'Whether a first-run setup link can still be used',
  description: 'The link is the one the server prints on its first start, while no user exists.',
  request: { query: SetupQuery },
  responses: {
    200: jsonContent(envelope(SetupCheckOut), 'Whether the link is usable'),
    ...errorResponses(422),
  },
});

export const registerSetupCheck: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const usable = await setupTokenUsable(deps, c.req.valid('query').token);
    return jsonResponse(c, dataEnvelope(c, deps.clock, { usable }), 200);
  });
};
