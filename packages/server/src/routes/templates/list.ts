import { tenantOf } from '../../auth/tenant.js';
import { pageEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { errorResponses, jsonContent, listEnvelope } from '../../schemas/common.js';
import { TemplateListQuery, TemplateOut, toTemplateOut } from '../../schemas/template.js';
import { listTemplates } from '../../services/templates.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('templates:read', {
  method: 'get',
  path: '/api/v1/templates',
  tags: ['Templates'],
  summary: 'List the template gallery',
  description:
    'The starter templates that ship with the server, in gallery order unless `sort` says otherwise.',
  request: { query: TemplateListQuery },
  responses: {
    200: jsonContent(listEnvelope(TemplateOut), 'One page of templates'),
    ...errorResponses(422),
  },
});

export const registerListTemplates: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const { category, favorites_only, ...rest } = query;
    const categories =
      category === undefined ? [] : Array.isArray(category) ? category : [category];
    const page = await listTemplates(deps, tenantOf(c.get('principal')), {
      ...rest,
      categories,
      favoritesOnly: favorites_only,
    });
    return jsonResponse(
      c,
      pageEnvelope(c, deps.clock, page.items.map(toTemplateOut), { ...query, total: page.total }),
      200,
    );
  });
};
