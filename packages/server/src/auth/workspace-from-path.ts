import type { MiddlewareHandler } from 'hono';
import { ApiError, notFound } from '../api-error.js';
import type { AppEnv } from '../http/app-env.js';

/**
 * For the public API's `/workspaces/{ws_id}/…` paths: the path, not `X-Workspace-Id`, picks
 * which of a signed-in person's workspaces the request acts in, with their role there. A
 * workspace they do not belong to is 404, like any object of another workspace; an
 * `X-Workspace-Id` naming another of theirs contradicts the path (403). API keys pass
 * unchanged: the session-only guard refuses them.
 */
export function workspaceFromPath(param: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (principal.kind !== 'session') return next();
    const id = c.req.param(param);
    const workspace = principal.workspaces.find((candidate) => candidate.id === id);
    if (workspace === undefined) throw notFound('Workspace');
    const header = c.req.header('x-workspace-id');
    if (header !== undefined && header !== workspace.id) {
      throw new ApiError('FORBIDDEN', 'X-Workspace-Id names another workspace than the path.');
    }
    c.set('principal', {
      ...principal,
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      role: workspace.role,
      scopes: c.get('routeGuards').scopes.roleScopes(workspace.role),
    });
    return next();
  };
}
