import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { AddedMemberOut, AddMemberBody, toMemberOut } from '../../schemas/member.js';
import { addMember } from '../../services/members.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute('admin', {
  method: 'post',
  path: '/api/v1/members',
  tags: ['Members'],
  summary: 'Add a person to the workspace by email, with a role',
  description:
    'A person without an account gets one without a password; `invite_url` is then a one-time link (7 days) for them to set it. Someone already in the workspace: 409.',
  request: { body: jsonBody(AddMemberBody) },
  responses: {
    201: jsonContent(envelope(AddedMemberOut), 'The new member'),
    ...errorResponses(400, 409, 413, 415, 422),
  },
});

export const registerAddMember: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const added = await addMember(
      deps,
      actorOf(c.get('principal')),
      c.req.valid('json'),
      deps.settings.publicUrl,
    );
    const data = { member: toMemberOut(added.member), invite_url: added.inviteUrl };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 201);
  });
};
