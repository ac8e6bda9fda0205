import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonContent } from '../../schemas/common.js';
import { DeviceRequestOut, DeviceRequestQuery } from '../../schemas/device.js';
import {
  DEFAULT_DEVICE_KEY_DAYS,
  describeDeviceRequest,
  MAX_DEVICE_KEY_DAYS,
} from '../../services/device-approval.js';
import { formatUserCode, normalizeUserCode } from '../../services/device-codes.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';
import { underUserCodeThrottle } from './user-code-throttle.js';

const route = sessionRoute(null, {
  method: 'get',
  path: '/api/v1/device',
  tags: ['Device login'],
  summary: 'What a device sign-in waiting under a user code is',
  description:
    'For the approval page: what the device reported about itself (unverified), the address and time the server saw, and what the signed-in member may grant in each of their workspaces. 404 for a code no sign-in is waiting under; wrong codes are throttled per address, per account and per node (429).',
  request: { query: DeviceRequestQuery },
  responses: {
    200: jsonContent(envelope(DeviceRequestOut), 'The waiting sign-in'),
    ...errorResponses(404, 422),
  },
});

export const registerDeviceRequest: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const typed = c.req.valid('query').user_code;
    const view = await underUserCodeThrottle(c, deps, (principal) =>
      describeDeviceRequest(deps, principal, typed),
    );
    const { request } = view;
    const data = {
      user_code: formatUserCode(normalizeUserCode(typed) ?? ''),
      client_name: request.client_name,
      client_version: request.client_version,
      host_name: request.host_name,
      os: request.os,
      ip_address: request.ip_address,
      user_agent: request.user_agent,
      requested_at: request.created_at,
      expires_at: request.expires_at,
      key_name: view.keyName,
      default_expires_in_days: DEFAULT_DEVICE_KEY_DAYS,
      max_expires_in_days: MAX_DEVICE_KEY_DAYS,
      workspaces: view.workspaces.map((w) => ({
        id: w.id,
        name: w.name,
        role: w.role,
        grantable_scopes: w.grantableScopes,
        default_scopes: w.defaultScopes,
      })),
    };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
