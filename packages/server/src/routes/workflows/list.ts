import { tenantOf } from '../../auth/tenant.js';
import { pageEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { errorResponses, jsonContent, listEnvelope } from '../../schemas/common.js';
import { toWorkflowOut, WorkflowOut } from '../../schemas/workflow.js';
import { WorkflowListQuery } from '../../schemas/workflow-list.js';
import { listWorkflows } from '../../services/workflow-queries.js';
import { attributed } from '../../services/workspaces.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workflows:read', {
  method: 'get',
  path: '/api/v1/workflows',
  tags: ['Workflows'],
  summary: "List the workspace's workflows",
  description:
    'A test key sees only test workflows, a live key only live ones. The filters on runs answer as for workflows never run: this server runs none.',
  request: { query: WorkflowListQuery },
  responses: {
    200: jsonContent(listEnvelope(WorkflowOut), 'One page of workflows'),
    ...errorResponses(422),
  },
});

export const registerListWorkflows: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const principal = c.get('principal');
    const page = await listWorkflows(deps, tenantOf(principal), query);
    const items = await attributed(deps, principal.workspaceId, page.items, toWorkflowOut);
    return jsonResponse(
      c,
      pageEnvelope(c, deps.clock, items, { ...query, total: page.total }),
      200,
    );
  });
};
