import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error.js';
import { authenticate } from './auth/authenticate.js';
import type { Principal } from './auth/principal.js';
import type { AppDeps } from './deps.js';
import type { AppEnv } from './http/app-env.js';
import { errorHandler } from './http/error-handler.js';
import { requestContext } from './http/request-context.js';
import { validationHook } from './http/validation-hook.js';
import { registerOpenApi } from './openapi.js';
import { API_ROUTES } from './routes/index.js';
import type { RouteRegistrar } from './routes/protected-route.js';
import { registerDocs } from './routes/system/docs.js';
import { healthRoutes, type ReadinessCheck } from './routes/system/health.js';

export interface BuildAppOptions {
  /** Routes added by other modules (resources, dashboard), registered after the core ones. */
  extraRoutes?: readonly RouteRegistrar[];
  /** `/api/v1` paths that need no credential (e.g. sign-in). */
  publicApiPaths?: readonly string[];
  readinessChecks?: readonly ReadinessCheck[];
  /**
   * Benchmarks only (`npm run bench`): authentication never runs and every `/api/v1` request
   * is served as this principal, so the baseline is this same server with authentication
   * switched off. Nothing in the server's configuration can set it.
   */
  benchmarkWithoutAuthentication?: { principal: Principal };
}

/** Builds the HTTP app from its dependencies. It never reads the environment. */
export function buildApp(deps: AppDeps, options: BuildAppOptions = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const publicPaths = new Set(options.publicApiPaths ?? []);
  const auth = options.benchmarkWithoutAuthentication
    ? fixedPrincipal(options.benchmarkWithoutAuthentication.principal)
    : authenticate(deps);

  app.use('*', requestContext(deps.clock, deps.logger));
  const limitBody = bodyLimit({
    maxSize: deps.settings.jsonBodyLimitBytes,
    onError: () => {
      throw new ApiError(
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${deps.settings.jsonBodyLimitBytes} bytes.`,
      );
    },
  });
  // GET and HEAD requests have no body to limit (@hono/node-server gives them none), and
  // asking for one makes it build a whole WHATWG Request with an AbortSignal: more than half
  // of what a GET cost the server in `npm run bench`.
  app.use('/api/v1/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );
  app.use('/api/v1/*', (c, next) => (publicPaths.has(c.req.path) ? next() : auth(c, next)));

  for (const register of [...API_ROUTES, ...(options.extraRoutes ?? [])]) register(app, deps);
  healthRoutes(options.readinessChecks)(app, deps);
  registerOpenApi(app);
  registerDocs(app, deps);

  app.notFound(() => {
    throw new ApiError('NOT_FOUND', 'No such route.');
  });
  app.onError(errorHandler(deps.clock, deps.logger));
  return app;
}

/** The benchmark baseline's stand-in for `authenticate`: one principal for every request. */
function fixedPrincipal(principal: Principal): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    c.set('principal', principal);
    return next();
  };
}
