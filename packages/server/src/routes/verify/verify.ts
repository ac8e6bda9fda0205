import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { VerifyItem, VerifyResultOut } from '../../schemas/verify.js';
import { verifyKey } from '../../services/verify.js';
import { type BodyPolicy, type RouteRegistrar, serviceTokenRoute } from '../route-definition.js';

/** The verify API's bodies carry API keys on purpose (no pasted-key guard). */
export const KEY_CARRYING_BODY: BodyPolicy = Object.freeze({ kind: 'json', acceptsApiKey: true });

const route = serviceTokenRoute(
  {
    method: 'post',
    path: '/api/v1/keys/verify',
    tags: ['Verify'],
    summary: 'Verify an API key (service tokens only)',
    description:
      "For the operator's own services, authenticated with a service token (`op_svc_…`): whether `key` may be used, with its scopes and workspace, consuming one request of the key's rate limit. Always 200 for a well-formed request; `code` says why a key is refused, checked in this order: `INVALID` (unknown, revoked, expired, rotated out, malformed: nothing more is said) → the rate limit is consumed → `RATE_LIMITED` → `WORKSPACE_MISMATCH` (`workspace_id` given and different) → `INSUFFICIENT_SCOPE` (`missing_scopes`) → `VALID`. Counted per key per hour, never one audit row per call.",
    request: { body: jsonBody(VerifyItem) },
    responses: {
      200: jsonContent(envelope(VerifyResultOut), 'The verdict'),
      ...errorResponses(400, 413, 415, 422),
    },
  },
  { body: KEY_CARRYING_BODY },
);

export const registerVerifyKey: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const result = await verifyKey(deps, c.req.valid('json'), deps.clock.now());
    return jsonResponse(c, dataEnvelope(c, deps.clock, result), 200);
  });
};
