import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import {
  toWorkspaceMemberOut,
  WorkspaceMemberOut,
  WorkspaceMemberParam,
} from '../../schemas/workspace-member.js';
import { removeMember } from '../../services/members.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(
  'admin',
  {
    method: 'delete',
    path: '/api/v1/workspaces/{ws_id}/members/{member_id}',
    tags: ['Members'],
    summary: "Remove a member (the public API's path)",
    description:
      'What `DELETE /members/{user_id}` does, revoking the keys they made here (as that route does by default; use it with `revoke_keys=false` to keep them). The last admin cannot be removed (409).',
    request: { params: WorkspaceMemberParam },
    responses: {
      200: jsonContent(envelope(WorkspaceMemberOut), 'The removed member'),
      ...errorResponses(404, 409),
    },
  },
  { workspaceFromPath: 'ws_id' },
);

export const registerRemoveWorkspaceMember: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const { member } = await removeMember(
      deps,
      actorOf(c.get('principal')),
      c.req.valid('param').member_id,
      { revokeKeys: true },
    );
    const data = toWorkspaceMemberOut({ status: 'active', member, lastAdmin: false });
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
