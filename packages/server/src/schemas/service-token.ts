import { z } from '@hono/zod-openapi';
import type { ServiceTokenView } from '@onepin/db';
import {
  SERVICE_TOKEN_NAME_MAX,
  serviceTokenPreview,
  serviceTokenStatus,
} from '../services/service-token-management.js';
import { displayName } from './api-key.js';
import { Timestamp } from './common.js';

export const ServiceTokenOut = z
  .object({
    id: z.string().openapi({ example: 'svc_0b8f4c1e-3f7a-4d1c-9a52-6c1f0e2d7b3a' }),
    name: z.string(),
    preview: z.string().openapi({
      example: 'op_svc_…AbCd',
      description: 'The prefix and last four characters: the only part ever shown again',
    }),
    status: z.enum(['active', 'revoked']),
    created_by: z
      .string()
      .nullable()
      .openapi({ description: 'The user who made it; null when made by `onepin-server admin`' }),
    created_at: Timestamp,
    last_used_at: Timestamp.nullable(),
    revoked_at: Timestamp.nullable(),
  })
  .openapi('ServiceToken');

export const ServiceTokenWithTokenOut = ServiceTokenOut.extend({
  token: z.string().openapi({
    example: 'op_svc_…',
    description:
      'The token (`op_svc_…`), returned only this once: store it in the secrets of the service that calls the verify API.',
  }),
}).openapi('ServiceTokenWithToken');

export const CreateServiceTokenBody = z
  .strictObject({
    name: displayName(SERVICE_TOKEN_NAME_MAX).openapi({
      example: 'billing-api',
      description: 'What the token is for (the service that will call the verify API)',
    }),
  })
  .openapi('ServiceTokenCreate');

export const ServiceTokenIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'svc_…' }),
});

/** The wire form of a stored token: never its hash, never the token. */
export function toServiceTokenOut(token: ServiceTokenView): z.infer<typeof ServiceTokenOut> {
  return {
    id: token.id,
    name: token.name,
    preview: serviceTokenPreview(token),
    status: serviceTokenStatus(token),
    created_by: token.created_by,
    created_at: token.created_at,
    last_used_at: token.last_used_at,
    revoked_at: token.revoked_at,
  };
}
