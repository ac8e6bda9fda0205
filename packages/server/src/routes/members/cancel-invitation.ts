import { z } from '@hono/zod-openapi';
import { actorOf } from '../../auth/principal.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { InvitationIdParam } from '../../schemas/member.js';
import { cancelInvitation } from '../../services/invitations.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';

const route = sessionRoute('admin', {
  method: 'delete',
  path: '/api/v1/members/invitations/{invitation_id}',
  tags: ['Members'],
  summary: 'Withdraw a pending invitation',
  description: 'Its link stops working at once.',
  request: { params: InvitationIdParam },
  responses: {
    200: jsonContent(
      envelope(z.object({ cancelled: z.literal(true) }).openapi('InvitationCancelled')),
      'Withdrawn',
    ),
    ...errorResponses(404),
  },
});

export const registerCancelInvitation: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    await cancelInvitation(deps, actorOf(c.get('principal')), c.req.valid('param').invitation_id);
    return jsonResponse(c, dataEnvelope(c, deps.clock, { cancelled: true as const }), 200);
  });
};
