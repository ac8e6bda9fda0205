import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { AddMemberBody } from '../../schemas/member.js';
import { WorkspaceInviteOut, WorkspacePathParam } from '../../schemas/workspace-member.js';
import { inviteMember } from '../../services/invitations.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(
  'admin',
  {
    method: 'post',
    path: '/api/v1/workspaces/{ws_id}/invites',
    tags: ['Members'],
    summary: "Invite a person by email (the public API's path)",
    description:
      'What `POST /members` does, answered in the public OnePin shape: a pending invitation and `invite_url` (one-time, 7 days), the same for every email that is not a member yet. Already a member: 409.',
    request: { params: WorkspacePathParam, body: jsonBody(AddMemberBody) },
    responses: {
      201: jsonContent(envelope(WorkspaceInviteOut), 'The invitation'),
      ...errorResponses(400, 404, 409, 413, 415, 422),
    },
  },
  { workspaceFromPath: 'ws_id' },
);

export const registerCreateWorkspaceInvite: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const actor = actorOf(c.get('principal'));
    const { invitation, inviteUrl } = await inviteMember(
      deps,
      actor,
      c.req.valid('json'),
      deps.settings.publicUrl,
    );
    const data = {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      status: 'pending' as const,
      expires_at: invitation.expires_at,
      invited_by: invitation.created_by,
      created_at: invitation.created_at,
      invite_url: inviteUrl,
    };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
