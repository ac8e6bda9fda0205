import { pageEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { errorResponses, jsonContent, listEnvelope } from '../../schemas/common.js';
import {
  toWorkspaceMemberOut,
  WorkspaceMemberListQuery,
  WorkspaceMemberOut,
  WorkspacePathParam,
} from '../../schemas/workspace-member.js';
import { listMembers } from '../../services/members.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(
  null,
  {
    method: 'get',
    path: '/api/v1/workspaces/{ws_id}/members',
    tags: ['Members'],
    summary: "A workspace's members (the public API's path)",
    description:
      'The same members as `GET /members`, oldest first, in the public OnePin shape; for signed-in members of `ws_id` (another workspace: 404).',
    request: { params: WorkspacePathParam, query: WorkspaceMemberListQuery },
    responses: {
      200: jsonContent(listEnvelope(WorkspaceMemberOut), 'The members'),
      ...errorResponses(404, 422),
    },
  },
  { workspaceFromPath: 'ws_id' },
);

export const registerListWorkspaceMembers: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const page = await listMembers(deps, c.get('principal').workspaceId, query);
    return jsonResponse(
      c,
      pageEnvelope(c, deps.clock, page.items.map(toWorkspaceMemberOut), {
        ...query,
        total: page.total,
      }),
      200,
    );
  });
};
