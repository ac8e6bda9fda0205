import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { authenticate } from './auth/authenticate.js';
import { authenticateServiceToken } from './auth/service-token-auth.js';
import type { AppDeps } from './deps.js';
import type { AppEnv } from './http/app-env.js';
import { errorHandler } from './http/error-handler.js';
import { requestContext } from './http/request-context.js';
import { createRouteGuards } from './http/route-guards.js';
import { securityHeaders } from './http/security-headers.js';
import { validationHook } from './http/validation-hook.js';
import { registerOpenApi } from './openapi.js';
import { API_ROUTES } from './routes/index.js';
import { type RouteRegistrar, undeclaredEndpoints } from './routes/route-definition.js';
import { registerDocs } from './routes/system/docs.js';
import { registerFavicon } from './routes/system/favicon.js';
import { healthRoutes, type ReadinessCheck } from './routes/system/health.js';
import { registerUnmatched } from './routes/unmatched.js';

export interface BuildAppOptions {
  /** Routes added by other modules (resources, dashboard), registered after the core ones. */
  extraRoutes?: readonly RouteRegistrar[];
  readinessChecks?: readonly ReadinessCheck[];
  /**
   * The credential check of every route that declares one: `authenticate(deps)` unless given.
   * The benchmark's baseline gives its own, which serves every request as one principal, so
   * it measures this same app with authentication switched off.
   */
  credential?: MiddlewareHandler<AppEnv>;
}

/**
 * Builds the HTTP app from its dependencies. It never reads the environment, and knows no
 * route's rules: each route declares its own (`routes/route-definition.ts`); this registers
 * them, and refuses to build an app in which a handler skipped its declaration.
 */
export function buildApp(deps: AppDeps, options: BuildAppOptions = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const routeGuards = createRouteGuards({
    credential: options.credential ?? authenticate(deps),
    serviceToken: authenticateServiceToken(deps),
    settings: deps.settings,
  });

  app.use(
    '*',
    requestContext({
      clock: deps.clock,
      logger: deps.logger,
      securityHeaders: securityHeaders(deps.settings.publicUrl),
      routeGuards,
    }),
  );
  for (const register of [
    ...API_ROUTES,
    ...(options.extraRoutes ?? []),
    healthRoutes(options.readinessChecks),
    registerOpenApi,
    registerDocs,
    registerFavicon,
    registerUnmatched,
  ]) {
    register(app, deps);
  }
  const undeclared = undeclaredEndpoints(app);
  if (undeclared.length > 0) {
    throw new Error(`routes registered without their rules: ${undeclared.join(', ')}`);
  }

  app.onError(errorHandler(deps.clock, deps.logger));
  return app;
}
