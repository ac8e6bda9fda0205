import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { AddMemberBody } from '../../schemas/member.js';
import { WorkspaceInviteOut, WorkspacePathParam } from '../../schemas/workspace-member.js';
import { addMember, INVITATION_TTL_MS } from '../../services/members.js';
import { type RouteRegistrar, sessionRoute } from '../protected-route.js';

const route = sessionRoute('admin', {
  method: 'post',
  path: '/api/v1/workspaces/{ws_id}/invites',
  tags: ['Members'],
  summary: "Invite a person by email (the public API's path)",
  description:
    'What `POST /members` does, answered in the public OnePin shape: the person becomes a member with the role; without an account they get one and `invite_url` (one-time, 7 days) to set their password. Already a member: 409.',
  request: { params: WorkspacePathParam, body: jsonBody(AddMemberBody) },
  responses: {
    201: jsonContent(envelope(WorkspaceInviteOut), 'The invitation'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const registerCreateWorkspaceInvite: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const actor = actorOf(c.get('principal'));
    const { member, inviteUrl } = await addMember(
      deps,
      actor,
      c.req.valid('json'),
      deps.settings.publicUrl,
    );
    const data = {
      id: member.user_id,
      email: member.email,
      role: member.role,
      status: inviteUrl ? ('pending' as const) : ('accepted' as const),
      expires_at: new Date(Date.parse(member.created_at) + INVITATION_TTL_MS).toISOString(),
      invited_by: actor.userId,
      created_at: member.created_at,
      invite_url: inviteUrl,
    };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
