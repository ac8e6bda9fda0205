import { ApiError } from '../../api-error.js';
import { addressBucket } from '../../auth/address-bucket.js';
import { clientAddress } from '../../auth/client-address.js';
import { assertBrowserHostIfBrowser } from '../../http/browser-host.js';
import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { DeviceCodeBody, DeviceCodeOut } from '../../schemas/device.js';
import { startDeviceLogin } from '../../services/device-login.js';
import { publicRoute, type RouteRegistrar } from '../route-definition.js';

/** Sign-ins one address may start per minute: a person needs one, a test run a few. */
export const DEVICE_CODES_PER_ADDRESS_PER_MIN = 10;

const route = publicRoute({
  method: 'post',
  path: '/api/v1/device/code',
  tags: ['Device login'],
  summary: 'Start signing a device in through the browser (RFC 8628)',
  description:
    'For a program without a key yet (`onepin login --web`). Answers a `device_code` for the program alone, and a `user_code` a person confirms at `verification_uri` while signed in to the dashboard. Poll `POST /api/v1/device/token` every `interval` seconds. No credential; 10 per minute per address. Programs may call it at any host name of the server; a browser (which sends `Origin`) only at the public URL, from its origin.',
  request: { body: jsonBody(DeviceCodeBody) },
  responses: {
    200: jsonContent(envelope(DeviceCodeOut), 'The codes and where to approve them'),
    ...errorResponses(400, 403, 413, 415, 422, 429, 503),
  },
});

export const registerDeviceCode: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    assertBrowserHostIfBrowser(c, deps.settings);
    const address = clientAddress(c, deps.settings.trustProxy);
    const now = deps.clock.now();
    const decision = await deps.rateLimiter.consume(
      `device-code:${addressBucket(address)}`,
      DEVICE_CODES_PER_ADDRESS_PER_MIN,
      now,
    );
    if (!decision.allowed) {
      throw new ApiError('RATE_LIMITED', 'Too many sign-ins started from this address.', {
        headers: {
          'Retry-After': String(Math.max(1, Math.ceil((decision.resetAtMs - now) / 1000))),
        },
      });
    }
    const body = c.req.valid('json');
    const started = await startDeviceLogin(
      deps,
      {
        clientName: body.client_name ?? null,
        clientVersion: body.client_version ?? null,
        hostName: body.host_name ?? null,
        os: body.os ?? null,
      },
      { address, userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null },
      deps.settings.publicUrl,
    );
    // No workspace is concerned yet, so no audit event: the log keeps the request, and the
    // member's decision is audited with these details (device_login_approved/denied).
    deps.logger.info(
      {
        request_id: c.get('requestId'),
        device_authorization_id: started.id,
        ip_address: address,
        client: [body.client_name, body.client_version].filter(Boolean).join(' ') || null,
        host_name: body.host_name ?? null,
      },
      'device login started',
    );
    const data = {
      device_code: started.deviceCode,
      user_code: started.userCode,
      verification_uri: started.verificationUri,
      verification_uri_complete: started.verificationUriComplete,
      expires_in: started.expiresIn,
      interval: started.interval,
    };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
