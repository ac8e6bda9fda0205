import { notFound } from '../../api-error.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { InvitationOut, InvitationQuery } from '../../schemas/session.js';
import { findInvitation } from '../../services/members.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';

const route = publicRoute({
  method: 'get',
  path: '/api/v1/invitation',
  tags: ['Session'],
  summary: 'Who an invitation link is for',
  description: '404 when the link is unknown, used or expired.',
  request: { query: InvitationQuery },
  responses: {
    200: jsonContent(envelope(InvitationOut), 'The invited email and workspace'),
    ...errorResponses(404, 422),
  },
});

export const registerInvitationCheck: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const invitation = await findInvitation(deps, c.req.valid('query').token);
    if (!invitation) throw notFound('Invitation');
    const data = { email: invitation.email, workspace_name: invitation.workspace_name };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
