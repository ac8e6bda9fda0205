import { z } from '@hono/zod-openapi';
import { MAX_DEVICE_KEY_DAYS } from '../services/device-approval.js';
import {
  ApiKeyCreatedOut,
  displayName,
  KeyTypeSchema,
  ScopeListInput,
  ScopeSchema,
} from './api-key.js';
import { Timestamp } from './common.js';
import { RoleSchema } from './session.js';

const DEVICE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

/** A typed user code, bounded before anything is done with it (`BCDF-GHJK`, any case). */
const UserCodeInput = z.string().min(1, 'must not be empty').max(32);

export const DeviceCodeBody = z
  .strictObject({
    client_name: displayName(64).optional(),
    client_version: displayName(64).optional(),
    host_name: displayName(100).optional(),
    os: displayName(100).optional(),
  })
  .openapi('DeviceCodeRequest', {
    description:
      'What the device says about itself, shown to the member who approves it (as unverified).',
  });

export const DeviceCodeOut = z
  .object({
    device_code: z.string().openapi({
      description: 'Only for the device: send it to `POST /api/v1/device/token` to poll',
    }),
    user_code: z.string().openapi({ example: 'BCDF-GHJK' }),
    verification_uri: z.string().openapi({ example: 'http://127.0.0.1:8000/device' }),
    verification_uri_complete: z
      .string()
      .openapi({ example: 'http://127.0.0.1:8000/device?code=BCDF-GHJK' }),
    expires_in: z.number().int().openapi({ description: 'Seconds the codes work (600)' }),
    interval: z.number().int().openapi({ description: 'Seconds to wait between polls (5)' }),
  })
  .openapi('DeviceCode');

export const DeviceTokenBody = z
  .strictObject({
    device_code: z.string().min(1, 'must not be empty').max(200),
    grant_type: z.literal(DEVICE_GRANT_TYPE, { error: `must be ${DEVICE_GRANT_TYPE}` }).optional(),
    client_id: z.string().max(200).optional().openapi({ description: 'Accepted and ignored' }),
  })
  .openapi('DeviceTokenRequest');

export const DeviceTokenOut = ApiKeyCreatedOut.extend({
  workspace_name: z.string(),
}).openapi('DeviceToken');

export const DeviceRequestQuery = z.object({
  user_code: UserCodeInput.openapi({ param: { name: 'user_code', in: 'query' } }),
});

export const DeviceRequestOut = z
  .object({
    user_code: z.string(),
    client_name: z.string().nullable().openapi({ description: 'As the device reported it' }),
    client_version: z.string().nullable().openapi({ description: 'As the device reported it' }),
    host_name: z.string().nullable().openapi({ description: 'As the device reported it' }),
    os: z.string().nullable().openapi({ description: 'As the device reported it' }),
    ip_address: z
      .string()
      .nullable()
      .openapi({ description: 'The address the server saw the request come from' }),
    user_agent: z.string().nullable().openapi({ description: 'The request’s User-Agent' }),
    requested_at: Timestamp,
    expires_at: Timestamp,
    key_name: z.string().openapi({ description: 'The name the key will have' }),
    default_expires_in_days: z.number().int(),
    max_expires_in_days: z.number().int(),
    workspaces: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        role: RoleSchema,
        grantable_scopes: z.array(ScopeSchema),
        default_scopes: z.array(ScopeSchema),
      }),
    ),
  })
  .openapi('DeviceRequest');

export const DeviceApproveBody = z
  .strictObject({
    user_code: UserCodeInput,
    workspace_id: z.string().min(1).max(100),
    key_type: KeyTypeSchema.optional(),
    scopes: ScopeListInput.optional().openapi({
      description: 'Default: every scope the role allows but api_keys:write',
    }),
    expires_in_days: z
      .number({ error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1')
      .max(MAX_DEVICE_KEY_DAYS, `must be at most ${MAX_DEVICE_KEY_DAYS}`)
      .optional()
      .openapi({ description: 'Default 90' }),
  })
  .openapi('DeviceApprove');

export const DeviceApprovalOut = z
  .object({
    workspace_id: z.string(),
    workspace_name: z.string(),
    key_name: z.string(),
    key_type: KeyTypeSchema,
    scopes: z.array(ScopeSchema),
    key_expires_at: Timestamp,
  })
  .openapi('DeviceApproval');

export const DeviceDenyBody = z.strictObject({ user_code: UserCodeInput }).openapi('DeviceDeny');

export const DeviceDeniedOut = z.object({ denied: z.literal(true) }).openapi('DeviceDenied');
