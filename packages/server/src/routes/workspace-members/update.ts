import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { UpdateMemberBody } from '../../schemas/member.js';
import {
  toWorkspaceMemberOut,
  WorkspaceMemberOut,
  WorkspaceMemberParam,
} from '../../schemas/workspace-member.js';
import { changeMemberRole } from '../../services/members.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(
  'admin',
  {
    method: 'patch',
    path: '/api/v1/workspaces/{ws_id}/members/{member_id}',
    tags: ['Members'],
    summary: "Change a member's role (the public API's path)",
    description: 'What `PATCH /members/{user_id}` does. The last admin cannot be demoted (409).',
    request: { params: WorkspaceMemberParam, body: jsonBody(UpdateMemberBody) },
    responses: {
      200: jsonContent(envelope(WorkspaceMemberOut), 'The member'),
      ...errorResponses(400, 404, 409, 413, 415, 422),
    },
  },
  { workspaceFromPath: 'ws_id' },
);

export const registerUpdateWorkspaceMember: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const member = await changeMemberRole(
      deps,
      actorOf(c.get('principal')),
      c.req.valid('param').member_id,
      c.req.valid('json').role,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, toWorkspaceMemberOut(member)), 200);
  });
};
