import { openApiDocument } from '../../openapi.js';
import type { RouteRegistrar } from '../route-definition.js';
import { renderApiReference } from './render-api-reference.js';

/** `/docs`: a readable API reference rendered from the OpenAPI document, with no external assets. */
export const registerDocs: RouteRegistrar = (app) => {
  let page: string | undefined;
  app.get('/docs', (c) => {
    page ??= renderApiReference(openApiDocument(app) as unknown as Record<string, unknown>);
    return c.html(page);
  });
};
