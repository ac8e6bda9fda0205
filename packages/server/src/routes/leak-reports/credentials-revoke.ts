import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../api-error.js';
import { addressBucket } from '../../auth/address-bucket.js';
import { clientAddress } from '../../auth/client-address.js';
import type { AppDeps } from '../../deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { CredentialsRevokeBody, CredentialsRevokeOut } from '../../schemas/leak-report.js';
import { queuePublicRevocations } from '../../services/key-leaks.js';
import { type BodyPolicy, publicRoute, type RouteRegistrar } from '../route-definition.js';

export const CREDENTIALS_REVOKE_PATH = '/api/v1/credentials/revoke';

/** Keys found in public, on purpose: the pasted-key guard is left out. */
const CREDENTIALS_BODY: BodyPolicy = Object.freeze({ kind: 'json', acceptsApiKey: true });

/** `ONEPIN_PUBLIC_REVOCATION_LIMIT_PER_MIN` requests per address (its /64 for IPv6). */
function limitedPerAddress(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const now = deps.clock.now();
    const bucket = `public-revoke:${addressBucket(clientAddress(c, deps.settings.trustProxy))}`;
    const decision = await deps.rateLimiter.consume(
      bucket,
      deps.settings.publicRevocationLimitPerMin,
      now,
    );
    if (!decision.allowed) {
      const seconds = Math.max(1, Math.ceil((decision.resetAtMs - now) / 1000));
      throw new ApiError('RATE_LIMITED', 'Too many revocation requests from this address.', {
        headers: { 'Retry-After': String(seconds) },
      });
    }
    return next();
  };
}

function route(deps: AppDeps) {
  return publicRoute(
    {
      method: 'post',
      path: CREDENTIALS_REVOKE_PATH,
      tags: ['Leaked keys'],
      summary: 'Revoke keys you found: no authentication, holding a key is the proof',
      description:
        "In the style of GitHub's credential revocation API: up to 1,000 strings in `credentials`. Every one that is a live key of this server is revoked (within a second or so: the server queues them) and its workspace hears `api_key.leaked` with source `public_report`. The answer is the same `202` whether or not any key existed, and no key is ever echoed. Rate-limited per address (`ONEPIN_PUBLIC_REVOCATION_LIMIT_PER_MIN`, 10).",
      request: { body: jsonBody(CredentialsRevokeBody) },
      responses: {
        202: jsonContent(envelope(CredentialsRevokeOut), 'Received'),
        ...errorResponses(400, 413, 415, 422, 429),
      },
    },
    { body: CREDENTIALS_BODY, checks: [limitedPerAddress(deps)] },
  );
}

export const registerCredentialsRevoke: RouteRegistrar = (app, deps) => {
  app.openapi(route(deps), async (c) => {
    const { credentials } = c.req.valid('json');
    await queuePublicRevocations(deps, credentials);
    return jsonResponse(c, dataEnvelope(c, deps.clock, { received: credentials.length }), 202);
  });
};
