import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { assertSameOrigin } from '../../http/same-origin.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { SessionOut, SetupBody } from '../../schemas/session.js';
import { completeSetup } from '../../services/setup.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';
import { clientInfo, startedSession } from '../session/session-response.js';

const route = publicRoute(
  {
    method: 'post',
    path: '/api/v1/setup',
    tags: ['Session'],
    summary: 'Create the first admin and workspace with the one-time setup link',
    description:
      'Only while no user exists. The token is used up in the same transaction that creates the account, and the new admin is signed in.',
    request: { body: jsonBody(SetupBody) },
    responses: {
      201: jsonContent(envelope(SessionOut), 'The admin, signed in'),
      ...errorResponses(400, 403, 413, 422),
    },
  },
  { browser: true },
);

export const registerSetupComplete: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    assertSameOrigin(c, deps.settings);
    const body = c.req.valid('json');
    const session = await completeSetup(
      deps,
      {
        token: body.token,
        email: body.email,
        password: body.password,
        workspaceName: body.workspace_name,
      },
      clientInfo(c, deps),
    );
    const data = await startedSession(c, deps, session);
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
