import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { toWorkspaceOut, WorkspaceIdParam, WorkspaceOut } from '../../schemas/workspace.js';
import { attributedOne, getVisibleWorkspace } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workspace:read', {
  method: 'get',
  path: '/api/v1/workspaces/{workspace_id}',
  tags: ['Workspace'],
  summary: 'Show a workspace',
  description:
    'A key sees its own workspace, a session every workspace the person belongs to; any other is 404, whether it exists or not.',
  request: { params: WorkspaceIdParam },
  responses: {
    200: jsonContent(envelope(WorkspaceOut), 'The workspace'),
    ...errorResponses(404),
  },
});

export const registerGetWorkspace: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const { workspace_id } = c.req.valid('param');
    const workspace = await getVisibleWorkspace(deps, c.get('principal'), workspace_id);
    const data = await attributedOne(deps, workspace.id, workspace, toWorkspaceOut);
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
