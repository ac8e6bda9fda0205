import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { DeviceDeniedOut, DeviceDenyBody } from '../../schemas/device.js';
import { denyDeviceLogin } from '../../services/device-approval.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';
import { underUserCodeThrottle } from './user-code-throttle.js';

const route = sessionRoute(null, {
  method: 'post',
  path: '/api/v1/device/deny',
  tags: ['Device login'],
  summary: 'Deny a device sign-in',
  description:
    'The device waiting under `user_code` gets `ACCESS_DENIED` at its next poll, and no key.',
  request: { body: jsonBody(DeviceDenyBody) },
  responses: {
    200: jsonContent(envelope(DeviceDeniedOut), 'Denied'),
    ...errorResponses(400, 404, 413, 415, 422),
  },
});

export const registerDeviceDeny: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const { user_code: typed } = c.req.valid('json');
    await underUserCodeThrottle(c, deps, (principal) => denyDeviceLogin(deps, principal, typed));
    return jsonResponse(c, dataEnvelope(c, deps.clock, { denied: true as const }), 200);
  });
};
