import { listWorkspacesOfUser } from '@onepin/db';
import { ApiError } from '../../api-error.js';
import { readSessionCookie } from '../../auth/session-cookie.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { AcceptSignedInBody, SessionOut } from '../../schemas/session.js';
import { acceptAsSignedIn } from '../../services/invitations.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';
import { toSessionOut } from '../session/session-response.js';

const route = sessionRoute(null, {
  method: 'post',
  path: '/api/v1/invitation/accept',
  tags: ['Session'],
  summary: 'Accept an invitation as the signed-in account',
  description:
    'Joins the signed-in account to the invitation’s workspace with its role, only when the account’s email is the invited one (403 otherwise). Answers the session in the joined workspace. The link works once.',
  request: { body: jsonBody(AcceptSignedInBody) },
  responses: {
    200: jsonContent(envelope(SessionOut), 'The session, in the joined workspace'),
    ...errorResponses(400, 413, 415, 422),
  },
});

export const registerInvitationAcceptSignedIn: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const token = readSessionCookie(c, deps.settings);
    if (principal.kind !== 'session' || token === undefined) {
      throw new ApiError('UNAUTHORIZED', 'Not signed in.');
    }
    const { workspaceId } = await acceptAsSignedIn(deps, principal, c.req.valid('json').token);
    const workspaces = (await listWorkspacesOfUser(deps.database.db, principal.userId)).map(
      (w) => ({ id: w.id, name: w.name, slug: w.slug, role: w.role }),
    );
    const workspace = workspaces.find((w) => w.id === workspaceId);
    if (!workspace) throw new ApiError('CONFLICT', 'The workspace went away meanwhile.');
    const data = toSessionOut(
      {
        user: { id: principal.userId, email: principal.email },
        instanceAdmin: principal.instanceAdmin,
        workspace,
        workspaces,
        token,
        expiresAt: principal.sessionExpiresAt,
      },
      deps.scopes,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
