import { tenantOf } from '../../auth/tenant.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { TemplateIdParam, TemplateOut, toTemplateOut } from '../../schemas/template.js';
import { getUsedTemplate } from '../../services/templates.js';
import { protectedRoute, type RouteRegistrar } from '../route-definition.js';

const route = protectedRoute('templates:read', {
  method: 'get',
  path: '/api/v1/templates/{id}',
  tags: ['Templates'],
  summary: 'Show a template',
  request: { params: TemplateIdParam },
  responses: { 200: jsonContent(envelope(TemplateOut), 'The template'), ...errorResponses(404) },
});

export const registerGetTemplate: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const template = await getUsedTemplate(
      deps,
      tenantOf(c.get('principal')),
      c.req.valid('param').id,
    );
    return jsonResponse(c, dataEnvelope(c, deps.clock, toTemplateOut(template)), 200);
  });
};
