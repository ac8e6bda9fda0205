import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Role, Scope } from '@onepin/core';
import type { MiddlewareHandler } from 'hono';
import { requireScope } from '../auth/require-scope.js';
import { requireSession } from '../auth/require-session.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { errorResponses } from '../schemas/common.js';

/** Adds one route to the app; every route file exports one. */
export type RouteRegistrar = (app: OpenAPIHono<AppEnv>, deps: AppDeps) => void;

/**
 * Who may call a route and how they prove it. A new way in (a service token, say) is one
 * more member here and one more case in `guardsOf`.
 */
export type AuthRule =
  /** No credential: health, sign-in, the checks of one-time links. */
  | { readonly mode: 'public' }
  /** An API key, or the dashboard's session acting with its role; `scope` is then required. */
  | { readonly mode: 'key-or-session'; readonly scope: Scope | null }
  /** A signed-in person only (API keys get 403), with `role` in the workspace when given. */
  | { readonly mode: 'session'; readonly role: Role | null }
  /**
   * The URL's own signature and expiry, in its query: the route's schema must declare them,
   * and its service checks them before any other work (it alone knows what was signed).
   */
  | { readonly mode: 'signed-url' };

/** What a route accepts as a request body (GET and HEAD requests never have one). */
export type BodyPolicy =
  /** JSON in UTF-8 (415 otherwise), at most `maxBytes` (413), by default the server's
   * `jsonBodyLimitBytes` (1 MiB). */
  | { readonly kind: 'json'; readonly maxBytes?: number }
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
 * The checks of a route, run before its validators and handler, in this order: the body
 * policy (413, 415), the credential (401, 429, 403 `WORKSPACE_MISMATCH`), then the scope or
 * role (403). The body policy and the credential check are the app's (`RouteGuards`, on the
 * context), so the route's file needs no dependencies to declare them.
 */
export function guardsOf(rules: RouteRules, method: string): MiddlewareHandler<AppEnv>[] {
  const guards: MiddlewareHandler<AppEnv>[] = [];
  const { body, auth } = rules;
  if (body.kind !== 'stream' && method.toLowerCase() !== 'get') guards.push(bodyGuard(body));
  switch (auth.mode) {
    case 'public':
    case 'signed-url':
      break;
    case 'key-or-session':
      guards.push(credentialGuard);
      if (auth.scope !== null) guards.push(requireScope(auth.scope));
      break;
    case 'session':
      guards.push(credentialGuard, requireSession(auth.role));
      break;
    default: {
      const unknown: never = auth;
      throw new Error(`unknown auth mode: ${JSON.stringify(unknown)}`);
    }
  }
  // A route with nothing to check still gets a guard: it is how `undeclaredEndpoints` tells a
  // declared route from a handler registered behind the declarations' back.
  if (guards.length === 0) guards.push((_c, next) => next());
  for (const guard of guards) declaredGuards.add(guard);
  return guards;
}

/** The app's credential check (`authenticate`, unless the app was built with another). Read
 * with `c.get`: Hono's `c.var` copies every variable into a new object on each access. */
const credentialGuard: MiddlewareHandler<AppEnv> = (c, next) =>
  c.get('routeGuards').credential(c, next);

function bodyGuard(policy: Exclude<BodyPolicy, { kind: 'stream' }>): MiddlewareHandler<AppEnv> {
  return (c, next) => c.get('routeGuards').body(policy)(c, next);
}

/** Every guard `guardsOf` made: the mark of a declared route. */
const declaredGuards = new WeakSet<MiddlewareHandler<AppEnv>>();

type Declarable = Omit<RouteConfig, 'middleware' | 'security'>;

/** Either credential: an API key, or the dashboard's session cookie (acting with its role). */
const KEY_OR_SESSION: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { sessionCookie: [] }];

/** How the OpenAPI document shows a route's rules: its security and what it requires. */
function documented(auth: AuthRule) {
  switch (auth.mode) {
    case 'key-or-session':
      return { security: KEY_OR_SESSION, 'x-required-scope': auth.scope };
    case 'session':
      return { security: [{ sessionCookie: [] }], 'x-required-role': auth.role };
    default:
      return {};
  }
}

/** `config` as an OpenAPI route whose middleware enforces `rules`, documented with them. */
function declare<const R extends Declarable>(rules: RouteRules, config: R) {
  const needsCredential = 'security' in documented(rules.auth);
  return createRoute({
    ...config,
    ...documented(rules.auth),
    middleware: guardsOf(rules, config.method),
    responses: {
      ...(needsCredential && errorResponses(401, 403, 429)),
      ...config.responses,
    },
  });
}

/** A route that needs no credential. */
export function publicRoute<const R extends Declarable>(config: R, body: BodyPolicy = JSON_BODY) {
  return declare({ auth: { mode: 'public' }, body }, config);
}

/**
 * A route for API keys and sessions; with `scope`, only for callers that hold it. The scope
 * is documented on the operation as `x-required-scope`.
 */
export function protectedRoute<const R extends Declarable>(
  scope: Scope | null,
  config: R,
  body: BodyPolicy = JSON_BODY,
) {
  return declare({ auth: { mode: 'key-or-session', scope }, body }, config);
}

/**
 * A route for signed-in people only (API keys get 403 `FORBIDDEN`), and when `role` is
 * given only for that role in the selected workspace (`x-required-role`).
 */
export function sessionRoute<const R extends Declarable>(
  role: Role | null,
  config: R,
  body: BodyPolicy = JSON_BODY,
) {
  return declare({ auth: { mode: 'session', role }, body }, config);
}

/** A route authenticated by a signature in its URL (see `AuthRule`). */
export function signedUrlRoute<const R extends Declarable>(
  config: R,
  body: BodyPolicy = JSON_BODY,
) {
  return declare({ auth: { mode: 'signed-url' }, body }, config);
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
