import { dataEnvelope } from '../../http/envelope.js';
import { jsonResponse } from '../../http/response-headers.js';
import { envelope, errorResponses, jsonBody, jsonContent } from '../../schemas/common.js';
import { DeviceApprovalOut, DeviceApproveBody } from '../../schemas/device.js';
import { approveDeviceLogin } from '../../services/device-approval.js';
import { type RouteRegistrar, sessionRoute } from '../route-definition.js';
import { underUserCodeThrottle } from './user-code-throttle.js';

const route = sessionRoute(null, {
  method: 'post',
  path: '/api/v1/device/approve',
  tags: ['Device login'],
  summary: 'Approve a device sign-in',
  description:
    'Lets the device waiting under `user_code` collect a key for `workspace_id` (one of the member’s), named "CLI on <host>", with `scopes` (default: what the role allows but `api_keys:write`; 403 `INSUFFICIENT_SCOPE` for more than the role allows), `key_type` (default live) and an expiry of `expires_in_days` (1–365, default 90). The key is minted when the device polls, under the member’s role as it is then, and its plaintext goes only to the device.',
  request: { body: jsonBody(DeviceApproveBody) },
  responses: {
    200: jsonContent(envelope(DeviceApprovalOut), 'Approved: the device collects its key'),
    ...errorResponses(400, 404, 413, 415, 422),
  },
});

export const registerDeviceApprove: RouteRegistrar = (app, deps) => {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const approval = await underUserCodeThrottle(c, deps, (principal) =>
      approveDeviceLogin(deps, principal, body),
    );
    const data = {
      workspace_id: approval.workspaceId,
      workspace_name: approval.workspaceName,
      key_name: approval.keyName,
      key_type: approval.keyType,
      scopes: approval.scopes,
      key_expires_at: approval.keyExpiresAt,
    };
    return jsonResponse(c, dataEnvelope(c, deps.clock, data), 200);
  });
};
