import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { MemberIdParam, MemberOut, toMemberOut, UpdateMemberBody } from '../../schemas/member.js';
import { changeMemberRole } from '../../services/members.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute('admin', {
  method: 'patch',
  path: '/api/v1/members/{user_id}',
  tags: ['Members'],
  summary: "Change a member's role",
  description: 'The last admin cannot be demoted (409).',
  request: { params: MemberIdParam, body: jsonBody(UpdateMemberBody) },
  responses: {
    200: jsonContent(envelope(MemberOut), 'The member'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const registerUpdateMember: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const member = await changeMemberRole(
      deps,
      actorOf(c.get('principal')),
      c.req.valid('param').user_id,
      c.req.valid('json').role,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, toMemberOut(member)), 200);
  });
};
