import { z } from '@hono/zod-openapi';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { ApiKeyOut, toApiKeyOut } from '../../schemas/api-key.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { MemberIdParam } from '../../schemas/member.js';
import { listMemberKeys } from '../../services/members.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute('admin', {
  method: 'get',
  path: '/api/v1/members/{user_id}/api-keys',
  tags: ['Members'],
  summary: "A member's keys that still work",
  description:
    'The keys the member made in this workspace (themselves or through their keys) that are neither revoked nor expired, newest first: what removing them revokes by default.',
  request: { params: MemberIdParam },
  responses: {
    200: jsonContent(envelope(z.array(ApiKeyOut)), 'The keys'),
    ...errorResponses(404),
  },
});

export const registerListMemberKeys: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const keys = await listMemberKeys(deps, principal.workspaceId, c.req.valid('param').user_id);
    const now = deps.clock.now();
    const data = keys.map((key) => toApiKeyOut(key, deps.scopes, now));
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
