import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { UsageReportBody, UsageResultOut } from '../../schemas/verify.js';
import { reportUsage } from '../../services/verify.js';
import { type RouteRegistrar, serviceTokenRoute } from '../route-definition.js';

const route = serviceTokenRoute({
  method: 'post',
  path: '/api/v1/keys/verify/usage',
  tags: ['Verify'],
  summary: "Report a verifier's local counts (service tokens only)",
  description:
    "A remote verifier that answers cached keys itself reports how many requests each key made: each `count` is consumed from the key's rate limit (shared with its rotated predecessors; `remaining` floors at 0) and recorded as use. `valid: false` means the key can no longer be used: drop it from the cache.",
  request: { body: jsonBody(UsageReportBody) },
  responses: {
    200: jsonContent(envelope(UsageResultOut), 'Each key, in order, with its budget now'),
    ...errorResponses(400, 413, 415, 422),
  },
});

export const registerVerifyUsage: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const results = await reportUsage(deps, c.req.valid('json').usage, deps.clock.now());
    return jsonResponse(c, dataEnvelope(c, deps.clock, { results }), 200);
  });
};
