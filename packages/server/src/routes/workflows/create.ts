import { actorOf } from '../../auth/principal.js';
import { tenantOf } from '../../auth/tenant.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { CreateWorkflowBody, toWorkflowOut, WorkflowOut } from '../../schemas/workflow.js';
import { createWorkflow } from '../../services/workflows.js';
import { attributedOne } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workflows:write', {
  method: 'post',
  path: '/api/v1/workflows',
  tags: ['Workflows'],
  summary: 'Create a workflow',
  description:
    'In the live or test data set of the calling key. Names are unique per workspace (409 `CONFLICT`).',
  request: { body: jsonBody(CreateWorkflowBody) },
  responses: {
    201: jsonContent(envelope(WorkflowOut), 'The new workflow'),
    ...errorResponses(400, 409, 413, 415, 422),
  },
});

export const registerCreateWorkflow: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const workflow = await createWorkflow(
      deps,
      actorOf(principal),
      tenantOf(principal),
      c.req.valid('json'),
    );
    return jsonResponse(
      c,
      dataEnvelope(
        c,
        deps.clock,
        await attributedOne(deps, c.get('principal').workspaceId, workflow, toWorkflowOut),
      ),
      201,
    );
  });
};
