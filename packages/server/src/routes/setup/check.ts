import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { SetupCheckOut, SetupQuery } from '../../schemas/session.js';
import { setupStage, setupTokenUsable } from '../../services/setup.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';

const route = publicRoute(
  {
    method: 'get',
    path: '/api/v1/setup',
    tags: ['Session'],
    summary: 'How far the first run got, and whether a setup link can still be used',
    description:
      'The link is the one the server prints on each start while no user exists (each start replaces the previous link). `stage` tells the sign-in page whether anyone can sign in yet.',
    request: { query: SetupQuery },
    responses: {
      200: jsonContent(envelope(SetupCheckOut), 'Whether the link is usable'),
      ...errorResponses(422),
    },
  },
  { browser: true },
);

export const registerSetupCheck: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const { token } = c.req.valid('query');
    const [usable, stage] = await Promise.all([
      token === undefined ? false : setupTokenUsable(deps, token),
      setupStage(deps),
    ]);
    return jsonResponse(c, dataEnvelope(c, deps.clock, { usable, stage }), 200);
  });
};
