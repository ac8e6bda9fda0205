import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { InvitationOut, LinkQuery } from '../../schemas/session.js';
import { findInvitation } from '../../services/invitations.js';
import { underFailedAuthThrottle } from '../link-throttle.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';

const route = publicRoute(
  {
    method: 'get',
    path: '/api/v1/invitation',
    tags: ['Session'],
    summary: 'What an invitation link is for',
    description:
      'The invited email, the workspace, the role and who invited. Nothing about whether the email has an account. 404 when the link is unknown, used or expired (counted as a failed authentication of the address).',
    request: { query: LinkQuery },
    responses: {
      200: jsonContent(envelope(InvitationOut), 'The invitation'),
      ...errorResponses(404, 422, 429),
    },
  },
  { browser: true },
);

export const registerInvitationCheck: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const invitation = await underFailedAuthThrottle(c, deps, () =>
      findInvitation(deps, c.req.valid('query').token),
    );
    const data = {
      email: invitation.email,
      workspace_name: invitation.workspace_name,
      role: invitation.role,
      invited_by_email: invitation.created_by_email,
      expires_at: invitation.expires_at,
    };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
