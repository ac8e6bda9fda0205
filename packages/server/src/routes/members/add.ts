import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { AddedMemberOut, AddMemberBody, toMemberOut } from '../../schemas/member.js';
import { inviteMember } from '../../services/invitations.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute('admin', {
  method: 'post',
  path: '/api/v1/members',
  tags: ['Members'],
  summary: 'Invite a person to the workspace by email, with a role',
  description:
    'Answers the same for every email that is not a member of this workspace yet, whether or not it has an account: a pending invitation (`status: invited`) and `invite_url`, a one-time link (7 days) for the admin to hand over. A new person creates their account with it; someone with an account signs in and accepts. Inviting a pending email again replaces its link and role. Someone already in the workspace: 409.',
  request: { body: jsonBody(AddMemberBody) },
  responses: {
    201: jsonContent(envelope(AddedMemberOut), 'The invitation'),
    ...errorResponses(400, 409, 413, 415, 422),
  },
});

export const registerAddMember: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const issued = await inviteMember(
      deps,
      actorOf(c.get('principal')),
      c.req.valid('json'),
      deps.settings.publicUrl,
    );
    const data = {
      member: toMemberOut({ status: 'invited', invitation: issued.invitation }),
      invite_url: issued.inviteUrl,
    };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
