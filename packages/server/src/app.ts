import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';
import { authenticate } from './auth/authenticate.js';
import type { Principal } from './auth/principal.js';
import type { AppDeps } from './deps.js';
import type { AppEnv } from './http/app-env.js';
import { bodyPolicy } from './http/body-policy.js';
import { assertBrowserHost } from './http/browser-host.js';
import { errorHandler } from './http/error-handler.js';
import { keyAcceptingOperations, pastedKeyGuard } from './http/pasted-key-guard.js';
import { requestContext } from './http/request-context.js';
import { securityHeaders } from './http/security-headers.js';
import { validationHook } from './http/validation-hook.js';
import { registerOpenApi } from './openapi.js';
import { API_ROUTES, MACHINE_API_OPERATIONS, PUBLIC_API_OPERATIONS } from './routes/index.js';
import type { RouteRegistrar } from './routes/protected-route.js';
import { registerDocs } from './routes/system/docs.js';
import { registerFavicon } from './routes/system/favicon.js';
import { healthRoutes, type ReadinessCheck } from './routes/system/health.js';
import { UPLOAD_TRANSFER_PATTERN } from './routes/uploads/transfer.js';

export interface BuildAppOptions {
  /** Routes added by other modules (resources, dashboard), registered after the core ones. */
  extraRoutes?: readonly RouteRegistrar[];
  /**
   * `/api/v1` operations that need no credential besides `PUBLIC_API_OPERATIONS`: a path
   * (every method) or `METHOD /path`.
   */
  publicApiPaths?: readonly string[];
  readinessChecks?: readonly ReadinessCheck[];
  /** Paths whose route streams the body with its own size limit and content type, besides the
   * upload transfer. Every other body is at most `settings.jsonBodyLimitBytes`, and JSON under
   * `/api/`. */
  streamingBodyPaths?: readonly RegExp[];
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
  const publicPaths = new Set([
    ...PUBLIC_API_OPERATIONS,
    ...MACHINE_API_OPERATIONS,
    ...(options.publicApiPaths ?? []),
  ]);
  const auth = options.benchmarkWithoutAuthentication
    ? fixedPrincipal(options.benchmarkWithoutAuthentication.principal)
    : authenticate(deps);

  app.use('*', requestContext(deps.clock, deps.logger, securityHeaders(deps.settings.publicUrl)));
  app.use(
    '*',
    bodyPolicy({
      maxBytes: deps.settings.jsonBodyLimitBytes,
      streamingPaths: [UPLOAD_TRANSFER_PATTERN, ...(options.streamingBodyPaths ?? [])],
    }),
  );
  // The operations that need no credential are the browser's (sign-in, setup, invitation
  // links): only at the server's own host name, against DNS rebinding.
  const browserOperations = new Set(PUBLIC_API_OPERATIONS);
  app.use('/api/v1/*', (c, next) => {
    const operation = `${c.req.method} ${c.req.path}`;
    if (browserOperations.has(operation)) assertBrowserHost(c, deps.settings);
    return publicPaths.has(c.req.path) || publicPaths.has(operation) ? next() : auth(c, next);
  });
  // After authentication, so an anonymous caller learns nothing from it; the routes that may
  // receive a key are known once they are all registered, below.
  let keyAccepting: ReturnType<typeof keyAcceptingOperations> = [];
  app.use(
    '/api/*',
    pastedKeyGuard(() => keyAccepting),
  );

  for (const register of [...API_ROUTES, ...(options.extraRoutes ?? [])]) register(app, deps);
  healthRoutes(options.readinessChecks)(app, deps);
  registerOpenApi(app);
  registerDocs(app, deps);
  registerFavicon(app, deps);
  keyAccepting = keyAcceptingOperations(app);

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
