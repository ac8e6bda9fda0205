import { actorOf } from '../../auth/principal.js';
import { tenantOf } from '../../auth/tenant.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { ObjectIdParam } from '../../schemas/resource.js';
import { toWorkflowOut, UpdateWorkflowBody, WorkflowOut } from '../../schemas/workflow.js';
import { updateWorkflow } from '../../services/workflows.js';
import { attributedOne } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workflows:write', {
  method: 'patch',
  path: '/api/v1/workflows/{id}',
  tags: ['Workflows'],
  summary: 'Change some fields of a workflow',
  description:
    'Only the fields sent change; `definition` is replaced as a whole. An empty body is a 422.',
  request: { params: ObjectIdParam, body: jsonBody(UpdateWorkflowBody) },
  responses: {
    200: jsonContent(envelope(WorkflowOut), 'The workflow as it is now'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const registerUpdateWorkflow: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const workflow = await updateWorkflow(
      deps,
      actorOf(principal),
      tenantOf(principal),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
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
