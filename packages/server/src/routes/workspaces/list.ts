import { pageEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { errorResponses, jsonContent, listEnvelope } from '../../schemas/common.js';
import { toWorkspaceOut, WorkspaceListQuery, WorkspaceOut } from '../../schemas/workspace.js';
import { attributedOne, listVisibleWorkspaces } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workspace:read', {
  method: 'get',
  path: '/api/v1/workspaces',
  tags: ['Workspace'],
  summary: "The caller's workspaces",
  description:
    "A key's one workspace (keys are bound to it for good); a session's every membership. Oldest first.",
  request: { query: WorkspaceListQuery },
  responses: {
    200: jsonContent(listEnvelope(WorkspaceOut), 'One page of workspaces'),
    ...errorResponses(422),
  },
});

export const registerListWorkspaces: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const page = await listVisibleWorkspaces(deps, c.get('principal'), query);
    const items = await Promise.all(
      page.items.map((workspace) => attributedOne(deps, workspace.id, workspace, toWorkspaceOut)),
    );
    return jsonResponse(
      c,
      pageEnvelope(c, deps.clock, items, { ...query, total: page.total }),
      200,
    );
  });
};
