import { assertBrowserHostIfBrowser } from '../../http/browser-host.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { toApiKeyOut } from '../../schemas/api-key.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { DeviceTokenBody, DeviceTokenOut } from '../../schemas/device.js';
import { pollDeviceLogin } from '../../services/device-login.js';
import { underFailedAuthThrottle } from '../link-throttle.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';

const route = publicRoute({
  method: 'post',
  path: '/api/v1/device/token',
  tags: ['Device login'],
  summary: 'Poll for the key of a device sign-in (RFC 8628)',
  description:
    'Answers 400 with the RFC 8628 errors as codes: `AUTHORIZATION_PENDING` (keep polling), `SLOW_DOWN` (polled sooner than the interval after the previous poll: add 5 s to the interval, for good), `ACCESS_DENIED`, `EXPIRED_TOKEN`, and `INVALID_GRANT` for an unknown or already used device code. `Retry-After` carries the interval to keep. Once approved, the new key — its plaintext this once, never stored — and the code is used up. Unknown device codes count as failed authentications of the address (429 past the limit).',
  request: { body: jsonBody(DeviceTokenBody) },
  responses: {
    200: jsonContent(envelope(DeviceTokenOut), 'Approved: the new key, shown this once'),
    ...errorResponses(400, 403, 413, 415, 422, 429),
  },
});

export const registerDeviceToken: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    assertBrowserHostIfBrowser(c, deps.settings);
    const { device_code: deviceCode } = c.req.valid('json');
    const collected = await underFailedAuthThrottle(c, deps, () =>
      pollDeviceLogin(deps, deviceCode),
    );
    const data = {
      ...toApiKeyOut(collected.record, deps.scopes, deps.clock.now()),
      api_key: collected.plaintext,
      workspace_name: collected.workspaceName,
    };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
