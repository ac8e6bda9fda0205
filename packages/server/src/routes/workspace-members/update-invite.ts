import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { UpdateMemberBody } from '../../schemas/member.js';
import {
  toPendingInviteOut,
  WorkspaceInviteParam,
  WorkspacePendingInviteOut,
} from '../../schemas/workspace-member.js';
import { changeInvitationRole } from '../../services/invitations.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(
  'admin',
  {
    method: 'patch',
    path: '/api/v1/workspaces/{ws_id}/invites/{invite_id}',
    tags: ['Members'],
    summary: "Change the role a pending invitation grants (the public API's path)",
    description:
      'The link stays the same; the new role applies when the invited person accepts. An expired invitation: 409 (invite the email again for a new link). One that was accepted or withdrawn, or belongs to another workspace, is not found (404).',
    request: { params: WorkspaceInviteParam, body: jsonBody(UpdateMemberBody) },
    responses: {
      200: jsonContent(envelope(WorkspacePendingInviteOut), 'The invitation'),
      ...errorResponses(400, 404, 409, 413, 415, 422),
    },
  },
  { workspaceFromPath: 'ws_id' },
);

export const registerUpdateWorkspaceInvite: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const invitation = await changeInvitationRole(
      deps,
      actorOf(c.get('principal')),
      c.req.valid('param').invite_id,
      c.req.valid('json').role,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, toPendingInviteOut(invitation)), 200);
  });
};
