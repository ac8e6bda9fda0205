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
  description: 'The starter templates that ship with the server, in gallery order.',
  request: { query: TemplateListQuery },
  responses: {
    200: jsonContent(listEnvelope(TemplateOut), 'One page of templates'),
    ...errorResponses(422),
  },
});

export const registerListTemplates: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const { category } = query;
    const categories =
      category === undefined ? [] : Array.isArray(category) ? category : [category];
    const page = listTemplates({ ...query, categories });
    return jsonResponse(
      c,
      pageEnvelope(c, deps.clock, page.items.map(toTemplateOut), { ...query, total: page.total }),
      200,
    );
  });
};
