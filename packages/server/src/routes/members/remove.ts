import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { toApiKeyOut } from '../../schemas/api-key.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import {
  MemberIdParam,
  RemovedMemberOut,
  RemoveMemberQuery,
  toMemberOut,
} from '../../schemas/member.js';
import { removeMember } from '../../services/members.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute('admin', {
  method: 'delete',
  path: '/api/v1/members/{user_id}',
  tags: ['Members'],
  summary: 'Remove a member from the workspace, and revoke their keys',
  description:
    'Their account stays (it may belong to other workspaces); their sessions lose this workspace at once. The keys they made here that still work are revoked in the same action unless `revoke_keys=false` (`GET /api/v1/members/{user_id}/api-keys` lists them first); the activity log records the choice. The last admin cannot be removed (409).',
  request: { params: MemberIdParam, query: RemoveMemberQuery },
  responses: {
    200: jsonContent(
      envelope(RemovedMemberOut),
      'The removed member and what became of their keys',
    ),
    ...errorResponses(404, 409, 422),
  },
});

export const registerRemoveMember: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const removed = await removeMember(
      deps,
      actorOf(c.get('principal')),
      c.req.valid('param').user_id,
      { revokeKeys: c.req.valid('query').revoke_keys },
    );
    const now = deps.clock.now();
    const data = {
      member: toMemberOut({ status: 'active', member: removed.member, lastAdmin: false }),
      revoked_keys: removed.revokedKeys.map((key) => toApiKeyOut(key, deps.scopes, now)),
      kept_keys: removed.keptKeys.map((key) => toApiKeyOut(key, deps.scopes, now)),
    };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
