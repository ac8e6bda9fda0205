import { tenantOf } from '../../auth/tenant.js';
import { pageEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { errorResponses, jsonContent, listEnvelope } from '../../schemas/common.js';
import { toWorkflowOut, WorkflowListQuery, WorkflowOut } from '../../schemas/workflow.js';
import { listWorkflows } from '../../services/workflows.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workflows:read', {
  method: 'get',
  path: '/api/v1/workflows',
  tags: ['Workflows'],
  summary: "List the workspace's workflows",
  description: 'A test key sees only test workflows, a live key only live ones.',
  request: { query: WorkflowListQuery },
  responses: {
    200: jsonContent(listEnvelope(WorkflowOut), 'One page of workflows'),
    ...errorResponses(422),
  },
});

export const registerListWorkflows: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const page = await listWorkflows(deps, tenantOf(c.get('principal')), query);
    return jsonResponse(
      c,
      pageEnvelope(c, deps.clock, page.items.map(toWorkflowOut), { ...query, total: page.total }),
      200,
    );
  });
};
