import { pageEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { errorResponses, jsonContent, listEnvelope } from '../../schemas/common.js';
import { MemberListQuery, MemberOut, toMemberOut } from '../../schemas/member.js';
import { listMembers } from '../../services/members.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(null, {
  method: 'get',
  path: '/api/v1/members',
  tags: ['Members'],
  summary: "The workspace's members, then its pending invitations",
  description:
    'Any member may see who else belongs to the workspace and who is invited. Members come oldest first, then invitations (`status: invited`), oldest first.',
  request: { query: MemberListQuery },
  responses: {
    200: jsonContent(listEnvelope(MemberOut), 'One page of members and invitations'),
    ...errorResponses(422),
  },
});

export const registerListMembers: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const page = await listMembers(deps, c.get('principal').workspaceId, query);
    return jsonResponse(
      c,
      pageEnvelope(c, deps.clock, page.items.map(toMemberOut), { ...query, total: page.total }),
      200,
    );
  });
};
