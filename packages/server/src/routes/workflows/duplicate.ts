import { actorOf } from '../../auth/principal.js';
import { tenantOf } from '../../auth/tenant.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { ObjectIdParam } from '../../schemas/resource.js';
import { CopyWorkflowBody, toWorkflowOut, WorkflowOut } from '../../schemas/workflow.js';
import { duplicateWorkflow } from '../../services/workflows.js';
import { attributedOne } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workflows:write', {
  method: 'post',
  path: '/api/v1/workflows/{id}/duplicate',
  tags: ['Workflows'],
  summary: 'Duplicate a workflow',
  description:
    'A new workflow with the same description and definition, named "{name} (Copy)" (or "(Copy 2)"… when taken) unless the optional body names it.',
  request: {
    params: ObjectIdParam,
    body: { content: { 'application/json': { schema: CopyWorkflowBody } }, required: false },
  },
  responses: {
    201: jsonContent(envelope(WorkflowOut), 'The copy'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const registerDuplicateWorkflow: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const copy = await duplicateWorkflow(
      deps,
      actorOf(principal),
      tenantOf(principal),
      c.req.valid('param').id,
      c.req.valid('json').name,
    );
    return jsonResponse(
      c,
      dataEnvelope(
        c,
        deps.clock,
        await attributedOne(deps, c.get('principal').workspaceId, copy, toWorkflowOut),
      ),
      201,
    );
  });
};
