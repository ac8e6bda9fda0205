import { findWorkspaceById } from '@onepin/db';
import { notFound } from '../../api-error.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, jsonContent } from '../../schemas/common.js';
import { toWorkspaceOut, WorkspaceOut } from '../../schemas/workspace.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workspace:read', {
  method: 'get',
  path: '/api/v1/workspaces/current',
  tags: ['Workspace'],
  summary: "The caller's workspace",
  responses: { 200: jsonContent(envelope(WorkspaceOut), 'The workspace') },
});

export const registerCurrentWorkspace: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const workspace = await findWorkspaceById(deps.database.db, c.get('principal').workspaceId);
    if (!workspace) throw notFound('Workspace');
    return jsonResponse(c, dataEnvelope(c, deps.clock, toWorkspaceOut(workspace)), 200);
  });
};
