import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './http/app-env.js';
import { jsonResponse } from './http/response-headers.js';

export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'OnePin API',
    version: '1.0.0',
    description:
      'Scoped, workspace-bound API keys and the resources they protect. Authenticate with `Authorization: Bearer op_live_…`; the dashboard uses a session cookie instead.',
  },
  tags: [
    { name: 'Auth', description: 'Who is calling' },
    { name: 'API keys', description: 'Create, rotate and revoke keys' },
    { name: 'Workspace', description: 'The workspace and its audit log' },
    {
      name: 'Workflows',
      description: 'Voice-production graphs; each key sees its own live or test set',
    },
    { name: 'Templates', description: 'Starter graphs to clone into workflows' },
    {
      name: 'Uploads',
      description: 'Files sent through a signed URL, then bound to a workflow',
    },
    { name: 'Session', description: 'Dashboard sign-in, first-run setup and invitations' },
    { name: 'Members', description: "The workspace's people and their roles" },
    {
      name: 'Device login',
      description:
        'Signing a program in through the browser (`onepin login --web`, RFC 8628): the program asks for codes, a signed-in member approves, the program collects its key',
    },
  ],
};

/** Registers the bearer scheme and serves the OpenAPI 3.1 document at `/openapi.json`. */
export function registerOpenApi(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key: `op_live_…` or `op_test_…`.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'serviceToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      'A service token (`op_svc_…`): it may call only the verify API (`/api/v1/keys/verify…`).',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'onepin_session',
    description:
      "The dashboard session (`__Host-onepin_session` behind https). POST, PUT, PATCH and DELETE must also send the session's `X-CSRF-Token`.",
  });
  // Made on first request, once every route is registered; through `jsonResponse` like every
  // other JSON answer (zod-openapi's own `doc31` would answer with `c.json`).
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get('/openapi.json', (c) => {
    document ??= openApiDocument(app);
    return jsonResponse(c, document, 200);
  });
}

export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document(OPENAPI_CONFIG);
}
