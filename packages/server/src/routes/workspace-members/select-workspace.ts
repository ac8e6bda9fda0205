import { workspaceFromPath } from '../../auth/workspace-from-path.js';
import type { RouteRegistrar } from '../protected-route.js';

/** The member and invite routes under `/workspaces/{ws_id}` act in the path's workspace. */
export const registerWorkspaceFromPath: RouteRegistrar = (app) => {
  for (const path of [
    '/api/v1/workspaces/:ws_id/members',
    '/api/v1/workspaces/:ws_id/members/:member_id',
    '/api/v1/workspaces/:ws_id/invites',
  ]) {
    app.use(path, workspaceFromPath('ws_id'));
  }
};
