import type { z } from '@hono/zod-openapi';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { WhoamiOut } from '../../schemas/auth.js';
import { envelope, jsonContent } from '../../schemas/common.js';
import { actingUserId } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute(null, {
  method: 'get',
  path: '/api/v1/auth/whoami',
  tags: ['Auth'],
  summary: 'Who the credential belongs to',
  description: 'Any valid credential may call this, including a key without scopes.',
  responses: { 200: jsonContent(envelope(WhoamiOut), 'The caller') },
});

export const registerWhoami: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const userId = await actingUserId(deps, principal);
    const data: z.infer<typeof WhoamiOut> =
      principal.kind === 'api_key'
        ? {
            auth_kind: 'api_key',
            user_id: userId,
            workspace_id: principal.workspaceId,
            workspace_name: principal.workspaceName,
            api_key_id: principal.key.id,
            key_name: principal.key.name,
            key_type: principal.key.keyType,
            scopes: [...principal.scopes],
            role: null,
            created_at: principal.key.createdAt,
            expires_at: principal.key.expiresAt,
          }
        : {
            auth_kind: 'session',
            user_id: userId,
            workspace_id: principal.workspaceId,
            workspace_name: principal.workspaceName,
            api_key_id: null,
            key_name: null,
            key_type: null,
            scopes: [...principal.scopes],
            role: principal.role,
            created_at: null,
            expires_at: null,
          };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
