import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { VERIFY_BATCH_MAX, VerifyBatchBody, VerifyBatchOut } from '../../schemas/verify.js';
import { verifyKeys } from '../../services/verify.js';
import { type RouteRegistrar, serviceTokenRoute } from '../route-definition.js';
import { KEY_CARRYING_BODY } from './verify.js';

const route = serviceTokenRoute(
  {
    method: 'post',
    path: '/api/v1/keys/verify/batch',
    tags: ['Verify'],
    summary: 'Verify several API keys (service tokens only)',
    description: `Up to ${VERIFY_BATCH_MAX} verifications as \`POST /api/v1/keys/verify\` does each, answered in order (422 past ${VERIFY_BATCH_MAX}).`,
    request: { body: jsonBody(VerifyBatchBody) },
    responses: {
      200: jsonContent(envelope(VerifyBatchOut), 'One verdict per key, in order'),
      ...errorResponses(400, 413, 415, 422),
    },
  },
  { body: KEY_CARRYING_BODY },
);

export const registerVerifyKeysBatch: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const results = await verifyKeys(deps, c.req.valid('json').keys, deps.clock.now());
    return jsonResponse(c, dataEnvelope(c, deps.clock, { results }), 200);
  });
};
