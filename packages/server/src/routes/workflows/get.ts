import { tenantOf } from '../../auth/tenant.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { ObjectIdParam } from '../../schemas/resource.js';
import { toWorkflowOut, WorkflowOut } from '../../schemas/workflow.js';
import { getWorkflow } from '../../services/workflows.js';
import { attributedOne } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workflows:read', {
  method: 'get',
  path: '/api/v1/workflows/{id}',
  tags: ['Workflows'],
  summary: 'Show a workflow',
  request: { params: ObjectIdParam },
  responses: { 200: jsonContent(envelope(WorkflowOut), 'The workflow'), ...errorResponses(404) },
});

export const registerGetWorkflow: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const workflow = await getWorkflow(deps, tenantOf(c.get('principal')), c.req.valid('param').id);
    return jsonResponse(
      c,
      dataEnvelope(
        c,
        deps.clock,
        await attributedOne(deps, c.get('principal').workspaceId, workflow, toWorkflowOut),
      ),
      200,
    );
  });
};
