import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { LinkQuery, PasswordLinkOut } from '../../schemas/session.js';
import { findPasswordLink } from '../../services/password-links.js';
import { underFailedAuthThrottle } from '../link-throttle.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';

const route = publicRoute(
  {
    method: 'get',
    path: '/api/v1/password-link',
    tags: ['Session'],
    summary: 'Whose password a set-password link sets',
    description:
      'The links printed by `onepin-server admin create-user` (without a password) and `admin reset-password`. 404 when the link is unknown, used or expired (counted as a failed authentication of the address).',
    request: { query: LinkQuery },
    responses: {
      200: jsonContent(envelope(PasswordLinkOut), 'The account'),
      ...errorResponses(404, 422, 429),
    },
  },
  { browser: true },
);

export const registerPasswordLinkCheck: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const data = await underFailedAuthThrottle(c, deps, () =>
      findPasswordLink(deps, c.req.valid('query').token),
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
