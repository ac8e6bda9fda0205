import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import {
  toPendingInviteOut,
  WorkspaceInviteParam,
  WorkspaceRevokedInviteOut,
} from '../../schemas/workspace-member.js';
import { cancelInvitation } from '../../services/invitations.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(
  'admin',
  {
    method: 'delete',
    path: '/api/v1/workspaces/{ws_id}/invites/{invite_id}',
    tags: ['Members'],
    summary: "Withdraw an invitation (the public API's path)",
    description:
      'What `DELETE /members/invitations/{invitation_id}` does: the link stops working at once (accepting it then answers 410), and the invitation leaves the members list. An expired invitation may be withdrawn too. One that was accepted or withdrawn already, or belongs to another workspace, is not found (404).',
    request: { params: WorkspaceInviteParam },
    responses: {
      200: jsonContent(envelope(WorkspaceRevokedInviteOut), 'The withdrawn invitation'),
      ...errorResponses(404),
    },
  },
  { workspaceFromPath: 'ws_id' },
);

export const registerRevokeWorkspaceInvite: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const invitation = await cancelInvitation(
      deps,
      actorOf(c.get('principal')),
      c.req.valid('param').invite_id,
    );
    const data = { ...toPendingInviteOut(invitation), status: 'revoked' as const };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
