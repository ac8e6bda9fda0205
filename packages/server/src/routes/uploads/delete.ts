import { actorOf } from '../../auth/principal.js';
import { tenantOf } from '../../auth/tenant.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { DeletedOut, ObjectIdParam } from '../../schemas/resource.js';
import { deleteUpload } from '../../services/uploads.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('uploads:write', {
  method: 'delete',
  path: '/api/v1/uploads/{id}',
  tags: ['Uploads'],
  summary: 'Delete an upload and its bytes',
  request: { params: ObjectIdParam },
  responses: { 200: jsonContent(envelope(DeletedOut), 'Deleted'), ...errorResponses(404) },
});

export const registerDeleteUpload: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const { id } = c.req.valid('param');
    await deleteUpload(deps, actorOf(principal), tenantOf(principal), id);
    return jsonResponse(c, dataEnvelope(c, deps.clock, { id, deleted: true as const }), 200);
  });
};
