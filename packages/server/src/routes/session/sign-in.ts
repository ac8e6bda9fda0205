import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { assertSameOrigin } from '../../http/same-origin.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { SessionOut, SignInBody } from '../../schemas/session.js';
import { signIn } from '../../services/sessions.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';
import { clientInfo, startedSession } from './session-response.js';

const route = publicRoute(
  {
    method: 'post',
    path: '/api/v1/session',
    tags: ['Session'],
    summary: 'Sign in to the dashboard',
    description:
      'Sets the session cookie (HttpOnly, SameSite=Lax, Secure behind https). An unknown email and a wrong password get the same 401. After 5 failures for one email from one address within 15 minutes: 429 until the window ends.',
    request: { body: jsonBody(SignInBody) },
    responses: {
      201: jsonContent(envelope(SessionOut), 'Signed in'),
      ...errorResponses(400, 401, 403, 413, 422, 429),
    },
  },
  { browser: true },
);

export const registerSignIn: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    assertSameOrigin(c, deps.settings);
    const session = await signIn(deps, c.req.valid('json'), clientInfo(c, deps));
    const data = await startedSession(c, deps, session);
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
