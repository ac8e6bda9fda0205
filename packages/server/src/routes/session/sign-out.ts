import { clearSessionCookie } from '../../auth/session-cookie.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, jsonContent } from '../../schemas/common.js';
import { SignedOutOut } from '../../schemas/session.js';
import { endSession } from '../../services/sessions.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute(null, {
  method: 'delete',
  path: '/api/v1/session',
  tags: ['Session'],
  summary: 'Sign out',
  description: 'Deletes the session on the server and clears the cookie.',
  responses: { 200: jsonContent(envelope(SignedOutOut), 'Signed out') },
});

export const registerSignOut: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    if (principal.kind === 'session') await endSession(deps, principal.sessionId);
    clearSessionCookie(c, deps.settings);
    return jsonResponse(c, dataEnvelope(c, deps.clock, { signed_out: true as const }), 200);
  });
};
