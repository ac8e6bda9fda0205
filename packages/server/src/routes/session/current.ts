import { ApiError } from '../../api-error.js';
import { readSessionCookie } from '../../auth/session-cookie.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, jsonContent } from '../../schemas/common.js';
import { SessionOut } from '../../schemas/session.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';
import { toSessionOut } from './session-response.js';

const route = sessionRoute(null, {
  method: 'get',
  path: '/api/v1/session',
  tags: ['Session'],
  summary: 'The signed-in person, their workspaces and the CSRF token',
  description: 'With `X-Workspace-Id`, `workspace` is that one (it must be one of `workspaces`).',
  responses: { 200: jsonContent(envelope(SessionOut), 'The session') },
});

export const registerCurrentSession: RouteRegistrar = (app, deps) => {
  app.openapi(route, (c) => {
    const principal = c.get('principal');
    const token = readSessionCookie(c, deps.settings);
    const workspace =
      principal.kind === 'session'
        ? principal.workspaces.find((w) => w.id === principal.workspaceId)
        : undefined;
    if (principal.kind !== 'session' || token === undefined || workspace === undefined) {
      throw new ApiError('UNAUTHORIZED', 'Not signed in.');
    }
    const data = toSessionOut(
      {
        user: { id: principal.userId, email: principal.email },
        instanceAdmin: principal.instanceAdmin,
        workspace,
        workspaces: principal.workspaces,
        token,
        expiresAt: principal.sessionExpiresAt,
      },
      deps.scopes,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
