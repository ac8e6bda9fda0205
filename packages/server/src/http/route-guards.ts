import type { MiddlewareHandler } from 'hono';
import type { AppSettings } from '../deps.js';
import type { BodyPolicy } from '../routes/route-definition.js';
import type { AppEnv } from './app-env.js';
import { bodyLimits } from './body-policy.js';
import { assertBrowserHost } from './browser-host.js';

/**
 * How this app enforces what routes declare (`RouteRules`): built once by `buildApp` and left
 * on every request's context, so a route's guards need nothing from its file's scope.
 */
export interface RouteGuards {
  /** Resolves the caller to a `principal` (API key or session) or refuses. */
  readonly credential: MiddlewareHandler<AppEnv>;
  /** Resolves a service token (the verify API) to `serviceToken`, or refuses. */
  readonly serviceToken: MiddlewareHandler<AppEnv>;
  /** Refuses a browser operation sent to another host name than the server's own. */
  readonly browserHost: MiddlewareHandler<AppEnv>;
  /** The check of a body policy (one middleware per policy, made on first use). */
  body(policy: Exclude<BodyPolicy, { kind: 'stream' }>): MiddlewareHandler<AppEnv>;
}

export function createRouteGuards(options: {
  credential: MiddlewareHandler<AppEnv>;
  serviceToken: MiddlewareHandler<AppEnv>;
  settings: Readonly<AppSettings>;
}): RouteGuards {
  const { settings } = options;
  const bodyChecks = new WeakMap<BodyPolicy, MiddlewareHandler<AppEnv>>();
  const browserHost: MiddlewareHandler<AppEnv> = (c, next) => {
    assertBrowserHost(c, settings);
    return next();
  };
  return Object.freeze({
    credential: options.credential,
    serviceToken: options.serviceToken,
    browserHost,
    body(policy: Exclude<BodyPolicy, { kind: 'stream' }>) {
      let check = bodyChecks.get(policy);
      if (check === undefined) {
        check = bodyLimits({
          maxBytes: policy.maxBytes ?? settings.jsonBodyLimitBytes,
          json: policy.kind === 'json',
        });
        bodyChecks.set(policy, check);
      }
      return check;
    },
  });
}
