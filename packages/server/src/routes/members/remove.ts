import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { MemberIdParam, MemberOut, toMemberOut } from '../../schemas/member.js';
import { removeMember } from '../../services/members.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute('admin', {
  method: 'delete',
  path: '/api/v1/members/{user_id}',
  tags: ['Members'],
  summary: 'Remove a member from the workspace',
  description:
    'Their account stays (it may belong to other workspaces); their sessions lose this workspace at once. The last admin cannot be removed (409).',
  request: { params: MemberIdParam },
  responses: {
    200: jsonContent(envelope(MemberOut), 'The removed member'),
    ...errorResponses(404, 409),
  },
});

export const registerRemoveMember: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const member = await removeMember(
      deps,
      actorOf(c.get('principal')),
      c.req.valid('param').user_id,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, toMemberOut(member)), 200);
  });
};
