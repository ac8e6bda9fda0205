import { actorOf } from '../../auth/principal.js';
import { tenantOf } from '../../auth/tenant.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { TemplateIdParam } from '../../schemas/template.js';
import { CopyWorkflowBody, toWorkflowOut, WorkflowOut } from '../../schemas/workflow.js';
import { cloneTemplate } from '../../services/templates.js';
import { attributedOne } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workflows:write', {
  method: 'post',
  path: '/api/v1/templates/{id}/clone',
  tags: ['Templates'],
  summary: 'Clone a template into a new workflow',
  description:
    'Needs `workflows:write` (the clone is a workflow), not `templates:read`. The workflow is named "{template} (Copy)" (or "(Copy 2)"… when taken) unless the body names it; a name that is taken is a 409.',
  request: {
    params: TemplateIdParam,
    body: { content: { 'application/json': { schema: CopyWorkflowBody } }, required: false },
  },
  responses: {
    201: jsonContent(envelope(WorkflowOut), 'The new workflow'),
    ...errorResponses(400, 404, 409, 413, 415, 422),
  },
});

export const registerCloneTemplate: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const workflow = await cloneTemplate(
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
        await attributedOne(deps, c.get('principal').workspaceId, workflow, toWorkflowOut),
      ),
      201,
    );
  });
};
