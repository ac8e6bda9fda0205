import { ApiError } from '../../api-error.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { AcceptedInviteOut, InviteTokenParam } from '../../schemas/workspace-member.js';
import { acceptAsSignedIn } from '../../services/invitations.js';
import { underFailedAuthThrottle } from '../link-throttle.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(null, {
  method: 'post',
  path: '/api/v1/workspaces/invites/{token}/accept',
  tags: ['Members'],
  summary: "Accept an invitation as the signed-in account (the public API's path)",
  description:
    'What `POST /api/v1/invitation/accept` does, with the token of `invite_url` in the path: joins the signed-in account to the invitation’s workspace with its role, only when the account’s email is the invited one (403 otherwise). No password is read or written. The link works once: used, withdrawn or expired, it answers 410 (counted as a failed authentication of the address, 429 past the limit).',
  request: { params: InviteTokenParam },
  responses: {
    200: jsonContent(envelope(AcceptedInviteOut), 'The workspace joined'),
    ...errorResponses(403, 410, 413, 415, 422, 429),
  },
});

export const registerAcceptWorkspaceInvite: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'session') throw new ApiError('UNAUTHORIZED', 'Not signed in.');
    const { token } = c.req.valid('param');
    const joined = await underFailedAuthThrottle(c, deps, () =>
      acceptAsSignedIn(deps, principal, token, { unusable: 'GONE' }),
    );
    const data = { workspace_id: joined.workspaceId, role: joined.role };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
