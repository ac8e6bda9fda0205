import type { Context, MiddlewareHandler } from 'hono';
import { bearerKey, decide, type ProtectOptionsBase } from './internal/protect.js';
import type { OnePinPrincipal } from './principal.js';
import type { Verifier } from './verifier.js';

export type { OnePinPrincipal } from './principal.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The verified OnePin key of a route behind `onepin()`. */
    onepin: OnePinPrincipal;
  }
}

export interface HonoProtectOptions extends ProtectOptionsBase {
  /** Reads the key from the request (default: `Authorization: Bearer <key>`). */
  key?: (c: Context) => string | null | undefined;
}

/**
 * Hono middleware: lets a request through with a valid OnePin key holding `scopes`, the
 * key's principal on `c.var.onepin`; answers anything else as the OnePin server would
 * (401/403/429 envelopes and headers, 503 when OnePin cannot be reached).
 */
export function onepin(
  verifier: Verifier,
  options: HonoProtectOptions,
): MiddlewareHandler<{ Variables: { onepin: OnePinPrincipal } }> {
  const readKey = options.key ?? ((c: Context) => bearerKey(c.req.header('authorization')));
  return async (c, next) => {
    const decision = await decide(verifier, readKey(c), c.req.header('x-workspace-id'), options);
    if (decision.ok) {
      c.set('onepin', decision.principal);
      for (const name in decision.headers) c.header(name, decision.headers[name]);
      return next();
    }
    return new Response(JSON.stringify(decision.body), {
      status: decision.status,
      headers: decision.headers,
    });
  };
}
