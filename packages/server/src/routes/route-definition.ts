import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Role, Scope } from '@onepin/core';
import type { MiddlewareHandler } from 'hono';
import { requireApiKey } from '../auth/require-api-key.js';
import { requireScope } from '../auth/require-scope.js';
import { requireSession } from '../auth/require-session.js';
import { workspaceFromPath } from '../auth/workspace-from-path.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { ACCEPTS_API_KEY_IN_BODY, pastedKeyGuard } from '../http/pasted-key-guard.js';
import { errorResponses } from '../schemas/common.js';

/** Adds one route to the app; every route file exports one. */
export type RouteRegistrar = (app: OpenAPIHono<AppEnv>, deps: AppDeps) => void;

/**
 * Who may call a route and how they prove it. A new way in (a service token, say) is one
 * more member here and one more case in `guardsOf`.
 */
export type AuthRule =
  /**
   * No credential: sign-in, the checks of one-time links, a device login, webhooks. With
   * `browser`, an operation of the dashboard's pages, answered only at the server's own host
   * name (against DNS rebinding; `http/browser-host.ts`).
   */
  | { readonly mode: 'public'; readonly browser?: boolean }
  /** An API key, or the dashboard's session acting with its role; `scope` is then required. */
  | { readonly mode: 'key-or-session'; readonly scope: Scope | null }
  /**
   * An API key acting on itself, whatever its scopes (a device-login key revoking itself);
   * a session has no key of its own and gets 403.
   */
  | { readonly mode: 'own-key' }
  /**
   * A signed-in person only (API keys get 403), with `role` in the workspace when given. With
   * `workspaceFromPath`, that path parameter (not `X-Workspace-Id`) picks the workspace.
   */
  | {
      readonly mode: 'session';
      readonly role: Role | null;
      readonly workspaceFromPath?: string;
    }
  /**
   * The URL's own signature and expiry, in its query: the route's schema must declare them,
   * and its service checks them before any other work (it alone knows what was signed).
   */
  | { readonly mode: 'signed-url' }
  /**
   * A service token (`op_svc_…`), and nothing else: the verify API. Any other credential, or
   * none, gets 401 `INVALID_API_KEY` (`auth/service-token-auth.ts`); the token is left on the
   * context as `serviceToken` (there is no `principal`: a service token has no workspace).
   * Everywhere else a service token is just a bad API key.
   */
  | { readonly mode: 'service-token' };

/** What a route accepts as a request body (GET and HEAD requests never have one). */
export type BodyPolicy =
  /**
   * JSON in UTF-8 (415 otherwise), at most `maxBytes` (413), by default the server's
   * `jsonBodyLimitBytes` (1 MiB); with no API key in it anywhere (422, `http/pasted-key-guard.ts`)
   * unless `acceptsApiKey`, for a route whose body carries one on purpose (a verify API).
   */
  | { readonly kind: 'json'; readonly maxBytes?: number; readonly acceptsApiKey?: boolean }
  /** Any content type, at most `maxBytes` (default as for JSON): forms, webhooks. */
  | { readonly kind: 'bytes'; readonly maxBytes?: number }
  /** The route reads the body itself, as a stream, with its own limit and content type. */
  | { readonly kind: 'stream' };

export const JSON_BODY: BodyPolicy = Object.freeze({ kind: 'json' });
export const STREAMED_BODY: BodyPolicy = Object.freeze({ kind: 'stream' });

/** Everything a route declares about its callers and its body. */
export interface RouteRules {
  readonly auth: AuthRule;
  readonly body: BodyPolicy;
}

/**
 * The checks of a route, run before its validators and handler, in this order: the body's
 * size and type (413, 415); for a browser operation, the host (403); the credential (401,
 * 429, 403 `WORKSPACE_MISMATCH`); no API key pasted into a JSON body (422); the workspace of
 * the path; the scope or role (403). What needs the app's dependencies (its body limit, its
 * `authenticate`, its public URL) reaches the guards on the context (`RouteGuards`), so a
 * route's file needs none to declare them.
 */
export function guardsOf(rules: RouteRules, method: string): MiddlewareHandler<AppEnv>[] {
  const guards: MiddlewareHandler<AppEnv>[] = [];
  const { body, auth } = rules;
  const takesBody = body.kind !== 'stream' && method.toLowerCase() !== 'get';
  if (takesBody) guards.push(bodyGuard(body));
  if (auth.mode === 'public' && auth.browser) guards.push(browserHostGuard);
  if (needsCredential(auth)) guards.push(credentialGuard);
  if (auth.mode === 'service-token') guards.push(serviceTokenGuard);
  if (takesBody && body.kind === 'json' && !body.acceptsApiKey) guards.push(pastedKeyGuard);
  switch (auth.mode) {
    case 'public':
    case 'signed-url':
    case 'service-token':
      break;
    case 'key-or-session':
      if (auth.scope !== null) guards.push(requireScope(auth.scope));
      break;
    case 'own-key':
      guards.push(requireApiKey());
      break;
    case 'session':
      if (auth.workspaceFromPath) guards.push(workspaceFromPath(auth.workspaceFromPath));
      guards.push(requireSession(auth.role));
      break;
    default: {
      const unknown: never = auth;
      throw new Error(`unknown auth mode: ${JSON.stringify(unknown)}`);
    }
  }
  // The first guard, made for this declaration alone (a route with nothing to check still
  // gets one), is how `undeclaredEndpoints` tells a declared route from a handler registered
  // behind the declarations' back.
  const first = guards.shift();
  const mark: MiddlewareHandler<AppEnv> = first
    ? (c, next) => first(c, next)
    : (_c, next) => next();
  declaredGuards.add(mark);
  return [mark, ...guards];
}

function needsCredential(auth: AuthRule): boolean {
  return auth.mode === 'key-or-session' || auth.mode === 'own-key' || auth.mode === 'session';
}

/** The app's credential check (`authenticate`, unless the app was built with another). Read
 * with `c.get`: Hono's `c.var` copies every variable into a new object on each access. */
const credentialGuard: MiddlewareHandler<AppEnv> = (c, next) =>
  c.get('routeGuards').credential(c, next);

const serviceTokenGuard: MiddlewareHandler<AppEnv> = (c, next) =>
  c.get('routeGuards').serviceToken(c, next);

const browserHostGuard: MiddlewareHandler<AppEnv> = (c, next) =>
  c.get('routeGuards').browserHost(c, next);

function bodyGuard(policy: Exclude<BodyPolicy, { kind: 'stream' }>): MiddlewareHandler<AppEnv> {
  return (c, next) => c.get('routeGuards').body(policy)(c, next);
}

/** The first guard of every declaration: the mark of a declared route. */
const declaredGuards = new WeakSet<MiddlewareHandler<AppEnv>>();

/**
 * Registers a handler that is not an OpenAPI operation (the not-provided operations, the
 * fallbacks) behind the guards of `rules`, as `app.openapi` does for a declared route.
 */
export function declareHandler(
  app: OpenAPIHono<AppEnv>,
  method: string,
  path: string,
  rules: RouteRules,
  handler: MiddlewareHandler<AppEnv>,
): void {
  for (const guard of guardsOf(rules, method)) app.on(method, path, guard);
  app.on(method, path, handler);
}

type Declarable = Omit<RouteConfig, 'middleware' | 'security'>;

/** Either credential: an API key, or the dashboard's session cookie (acting with its role). */
const KEY_OR_SESSION: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { sessionCookie: [] }];

/** How the OpenAPI document shows a route's rules: its security and what it requires. */
function documented(rules: RouteRules) {
  const { auth, body } = rules;
  const keyInBody =
    body.kind === 'json' && body.acceptsApiKey ? { [ACCEPTS_API_KEY_IN_BODY]: true } : {};
  switch (auth.mode) {
    case 'key-or-session':
      return { security: KEY_OR_SESSION, 'x-required-scope': auth.scope, ...keyInBody };
    case 'own-key':
      return { security: [{ bearerAuth: [] }], 'x-required-scope': null, ...keyInBody };
    case 'session':
      return { security: [{ sessionCookie: [] }], 'x-required-role': auth.role, ...keyInBody };
    case 'service-token':
      return { security: [{ serviceToken: [] }], ...keyInBody };
    default:
      return keyInBody;
  }
}

/**
 * `config` as an OpenAPI route whose middleware enforces `rules`, documented with them, then
 * runs the route's own `checks` (see `publicRoute`), still before its validators.
 */
function declare<const R extends Declarable>(
  rules: RouteRules,
  config: R,
  checks: readonly MiddlewareHandler<AppEnv>[] = [],
) {
  return createRoute({
    ...config,
    ...documented(rules),
    middleware: [...guardsOf(rules, config.method), ...checks],
    responses: {
      ...(needsCredential(rules.auth) && errorResponses(401, 403, 429)),
      ...(rules.auth.mode === 'service-token' && errorResponses(401, 429)),
      ...config.responses,
    },
  });
}

/**
 * A route that needs no credential; `browser` for the dashboard's own operations. A route
 * that machines call proves its caller its own way, and `checks` run that proof after the
 * declared guards and before anything parses the body: a signature over the raw bytes (with
 * a body policy that leaves them unread, `acceptsApiKey`), a limit per address that counts
 * every request, even one whose body is wrong.
 */
export function publicRoute<const R extends Declarable>(
  config: R,
  options: {
    body?: BodyPolicy;
    browser?: boolean;
    checks?: readonly MiddlewareHandler<AppEnv>[];
  } = {},
) {
  return declare(
    {
      auth: { mode: 'public', browser: options.browser ?? false },
      body: options.body ?? JSON_BODY,
    },
    config,
    options.checks,
  );
}

/**
 * A route for API keys and sessions; with `scope`, only for callers that hold it. The scope
 * is documented on the operation as `x-required-scope`.
 */
export function protectedRoute<const R extends Declarable>(
  scope: Scope | null,
  config: R,
  options: { body?: BodyPolicy } = {},
) {
  return declare(
    { auth: { mode: 'key-or-session', scope }, body: options.body ?? JSON_BODY },
    config,
  );
}

/**
 * A route for signed-in people only (API keys get 403 `FORBIDDEN`), and when `role` is
 * given only for that role in the selected workspace (`x-required-role`); the workspace is
 * the path's with `workspaceFromPath`.
 */
export function sessionRoute<const R extends Declarable>(
  role: Role | null,
  config: R,
  options: { body?: BodyPolicy; workspaceFromPath?: string } = {},
) {
  const auth: AuthRule = {
    mode: 'session',
    role,
    ...(options.workspaceFromPath && { workspaceFromPath: options.workspaceFromPath }),
  };
  return declare({ auth, body: options.body ?? JSON_BODY }, config);
}

/** A route for the calling API key itself, any scopes (sessions get 403 `FORBIDDEN`). */
export function ownKeyRoute<const R extends Declarable>(
  config: R,
  options: { body?: BodyPolicy } = {},
) {
  return declare({ auth: { mode: 'own-key' }, body: options.body ?? JSON_BODY }, config);
}

/** A route of the verify API: service tokens only (see `AuthRule`). */
export function serviceTokenRoute<const R extends Declarable>(
  config: R,
  options: { body?: BodyPolicy } = {},
) {
  return declare({ auth: { mode: 'service-token' }, body: options.body ?? JSON_BODY }, config);
}

/** A route authenticated by a signature in its URL (see `AuthRule`). */
export function signedUrlRoute<const R extends Declarable>(
  config: R,
  options: { body?: BodyPolicy } = {},
) {
  return declare({ auth: { mode: 'signed-url' }, body: options.body ?? JSON_BODY }, config);
}

/**
 * The endpoints of an app that were registered without declaring their rules, as
 * `METHOD /path`: any handler under `/api/`, and any handler of another method than GET
 * anywhere (a body nobody limits; middleware counts). A GET outside `/api/` (a page,
 * `/health`) is public by nature and needs no declaration. `buildApp` refuses to build an app
 * that has any: a route that forgot its rules must not be served without them.
 */
export function undeclaredEndpoints(app: OpenAPIHono<AppEnv>): string[] {
  const declared = new Set<string>();
  const seen = new Set<string>();
  for (const { method, path, handler } of app.routes) {
    const endpoint = `${method} ${path}`;
    seen.add(endpoint);
    if (declaredGuards.has(handler as MiddlewareHandler<AppEnv>)) declared.add(endpoint);
  }
  return [...seen].filter(
    (endpoint) =>
      !declared.has(endpoint) &&
      (/^[A-Z]+ \/api(\/|$)/.test(endpoint) || !endpoint.startsWith('GET ')),
  );
}
