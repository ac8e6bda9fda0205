import { tenantOf } from '../../auth/tenant.js';
import { pageEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { errorResponses, jsonContent, listEnvelope, OffsetQuery } from '../../schemas/common.js';
import { ObjectIdParam } from '../../schemas/resource.js';
import { toUploadOut, UploadOut } from '../../schemas/upload.js';
import { listWorkflowUploads } from '../../services/uploads.js';
import { attributed } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workflows:read', {
  method: 'get',
  path: '/api/v1/workflows/{id}/uploads',
  tags: ['Workflows'],
  summary: 'List the uploads confirmed to a workflow',
  description: 'Newest first.',
  request: { params: ObjectIdParam, query: OffsetQuery },
  responses: {
    200: jsonContent(listEnvelope(UploadOut), 'One page of uploads'),
    ...errorResponses(404, 422),
  },
});

export const registerListWorkflowUploads: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const page = await listWorkflowUploads(
      deps,
      tenantOf(c.get('principal')),
      c.req.valid('param').id,
      query,
    );
    return jsonResponse(
      c,
      pageEnvelope(
        c,
        deps.clock,
        await attributed(deps, c.get('principal').workspaceId, page.items, toUploadOut),
        { ...query, total: page.total },
      ),
      200,
    );
  });
};
