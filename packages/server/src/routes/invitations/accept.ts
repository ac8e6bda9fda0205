import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { assertSameOrigin } from '../../http/same-origin.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { AcceptInvitationBody, SessionOut } from '../../schemas/session.js';
import { acceptAsNewAccount } from '../../services/invitations.js';
import { underFailedAuthThrottle } from '../link-throttle.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';
import { clientInfo, startedSession } from '../session/session-response.js';

const route = publicRoute(
  {
    method: 'post',
    path: '/api/v1/invitation',
    tags: ['Session'],
    summary: 'Create an account with an invitation link, join, and sign in',
    description:
      'For a person who has no account yet: makes one with their own password and joins the workspace. An email that has an account already gets 409: its owner signs in and accepts with `POST /api/v1/invitation/accept` (an invitation never sets the password of an account that exists). The link works once. Unusable links count as failed authentications of the address (429 past the limit).',
    request: { body: jsonBody(AcceptInvitationBody) },
    responses: {
      201: jsonContent(envelope(SessionOut), 'Signed in, in the joined workspace'),
      ...errorResponses(400, 403, 409, 413, 422, 429, 503),
    },
  },
  { browser: true },
);

export const registerInvitationAccept: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    assertSameOrigin(c, deps.settings);
    const body = c.req.valid('json');
    const session = await underFailedAuthThrottle(c, deps, () =>
      acceptAsNewAccount(deps, body, clientInfo(c, deps)),
    );
    const data = await startedSession(c, deps, session, session.workspaceId);
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
