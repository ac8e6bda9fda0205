import type { Request, RequestHandler } from 'express';
import { bearerKey, decide, type ProtectOptionsBase } from './internal/protect.js';
import type { OnePinPrincipal } from './principal.js';
import type { Verifier } from './verifier.js';

export type { OnePinPrincipal } from './principal.js';

declare global {
  namespace Express {
    interface Request {
      /** The verified OnePin key of a route behind `onepin()`. */
      onepin: OnePinPrincipal;
    }
  }
}

export interface ExpressProtectOptions extends ProtectOptionsBase {
  /** Reads the key from the request (default: `Authorization: Bearer <key>`). */
  key?: (req: Request) => string | null | undefined;
}

/**
 * Express 5 middleware: lets a request through with a valid OnePin key holding `scopes`,
 * the key's principal on `req.onepin`; answers anything else as the OnePin server would
 * (401/403/429 envelopes and headers, 503 when OnePin cannot be reached).
 */
export function onepin(verifier: Verifier, options: ExpressProtectOptions): RequestHandler {
  const readKey = options.key ?? ((req: Request) => bearerKey(req.headers.authorization));
  return async (req, res, next) => {
    const workspace = req.headers['x-workspace-id'];
    const decision = await decide(
      verifier,
      readKey(req),
      typeof workspace === 'string' ? workspace : undefined,
      options,
    );
    res.set(decision.headers);
    if (!decision.ok) {
      res.status(decision.status).send(JSON.stringify(decision.body));
      return;
    }
    req.onepin = decision.principal;
    next();
  };
}
