import { tenantOf } from '../../auth/tenant.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { NameAvailabilityOut, NameAvailabilityQuery } from '../../schemas/workflow-list.js';
import { checkWorkflowName } from '../../services/workflow-queries.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('workflows:read', {
  method: 'get',
  path: '/api/v1/workflows/name-availability',
  tags: ['Workflows'],
  summary: 'Whether a workflow name is free',
  description:
    "Names are unique among the caller's workflows that are not deleted (case-sensitive). Pass `exclude_id` when renaming.",
  request: { query: NameAvailabilityQuery },
  responses: {
    200: jsonContent(envelope(NameAvailabilityOut), 'The name and whether it is free'),
    ...errorResponses(422),
  },
});

/** Registered before `GET /workflows/{id}`, which would otherwise take the path as an id. */
export const registerWorkflowNameAvailability: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const { name, exclude_id } = c.req.valid('query');
    const result = await checkWorkflowName(deps, tenantOf(c.get('principal')), name, exclude_id);
    return jsonResponse(c, dataEnvelope(c, deps.clock, result), 200);
  });
};
