import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { assertSameOrigin } from '../../http/same-origin.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { SessionOut, SetPasswordBody } from '../../schemas/session.js';
import { setPasswordWithLink } from '../../services/password-links.js';
import { underFailedAuthThrottle } from '../link-throttle.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';
import { clientInfo, startedSession } from '../session/session-response.js';

const route = publicRoute(
  {
    method: 'post',
    path: '/api/v1/password-link',
    tags: ['Session'],
    summary: 'Set a password with a set-password link, and sign in',
    description:
      'The link works once, for 24 hours; every other session of the account ends. Unusable links count as failed authentications of the address (429 past the limit).',
    request: { body: jsonBody(SetPasswordBody) },
    responses: {
      201: jsonContent(envelope(SessionOut), 'Signed in'),
      ...errorResponses(400, 403, 413, 422, 429, 503),
    },
  },
  { browser: true },
);

export const registerPasswordLinkSet: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    assertSameOrigin(c, deps.settings);
    const body = c.req.valid('json');
    const session = await underFailedAuthThrottle(c, deps, () =>
      setPasswordWithLink(deps, body, clientInfo(c, deps)),
    );
    const data = await startedSession(c, deps, session);
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
