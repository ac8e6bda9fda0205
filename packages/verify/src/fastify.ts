import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { bearerKey, decide, type ProtectOptionsBase } from './internal/protect.js';
import type { OnePinPrincipal } from './principal.js';
import type { Verifier } from './verifier.js';

export type { OnePinPrincipal } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified OnePin key of a route behind `onepin()`. */
    onepin: OnePinPrincipal;
  }
}

export interface FastifyProtectOptions extends ProtectOptionsBase {
  /** Reads the key from the request (default: `Authorization: Bearer <key>`). */
  key?: (request: FastifyRequest) => string | null | undefined;
}

/**
 * A Fastify 5 `preHandler` hook (`{ preHandler: onepin(verifier, { scopes }) }` on a route,
 * or `app.addHook('preHandler', …)` for all): lets a request through with a valid OnePin key
 * holding `scopes`, the key's principal on `request.onepin`; answers anything else as the
 * OnePin server would (401/403/429 envelopes and headers, 503 when OnePin cannot be reached).
 */
export function onepin(
  verifier: Verifier,
  options: FastifyProtectOptions,
): preHandlerAsyncHookHandler {
  const readKey =
    options.key ?? ((request: FastifyRequest) => bearerKey(request.headers.authorization));
  return async (request, reply) => {
    const workspace = request.headers['x-workspace-id'];
    const decision = await decide(
      verifier,
      readKey(request),
      typeof workspace === 'string' ? workspace : undefined,
      options,
    );
    reply.headers(decision.headers);
    if (!decision.ok) {
      // Returning the reply tells Fastify the hook answered: the handler does not run.
      return reply.code(decision.status).send(JSON.stringify(decision.body));
    }
    request.onepin = decision.principal;
  };
}
