import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { assertSameOrigin } from '../../http/same-origin.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { AcceptInvitationBody, SessionOut } from '../../schemas/session.js';
import { acceptInvitation } from '../../services/members.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';
import { clientInfo, startedSession } from '../session/session-response.js';

const route = publicRoute({
  method: 'post',
  path: '/api/v1/invitation',
  tags: ['Session'],
  summary: 'Set a password with an invitation link, and sign in',
  description: 'The link works once; every other open link of the same person stops working too.',
  request: { body: jsonBody(AcceptInvitationBody) },
  responses: {
    201: jsonContent(envelope(SessionOut), 'Signed in'),
    ...errorResponses(400, 403, 413, 422),
  },
});

export const registerInvitationAccept: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    assertSameOrigin(c, deps.settings);
    const session = await acceptInvitation(deps, c.req.valid('json'), clientInfo(c, deps));
    const data = await startedSession(c, deps, session);
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
