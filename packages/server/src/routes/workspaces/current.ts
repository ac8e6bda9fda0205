import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, jsonContent } from '../../schemas/common.js';
import { toWorkspaceOut, WorkspaceOut } from '../../schemas/workspace.js';
import { attributedOne, getVisibleWorkspace } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workspace:read', {
  method: 'get',
  path: '/api/v1/workspaces/current',
  tags: ['Workspace'],
  summary: "The caller's workspace",
  description: "A key's own workspace, or the one a session selected (`X-Workspace-Id`).",
  responses: { 200: jsonContent(envelope(WorkspaceOut), 'The workspace') },
});

/** Registered before `GET /workspaces/{workspace_id}`, which would take `current` as an id. */
export const registerCurrentWorkspace: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const workspace = await getVisibleWorkspace(deps, principal, principal.workspaceId);
    const data = await attributedOne(deps, workspace.id, workspace, toWorkspaceOut);
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
