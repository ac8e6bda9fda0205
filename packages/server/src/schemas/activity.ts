import { z } from '@hono/zod-openapi';
import type { AuditEventRecord } from '@onepin/db';
import { KeyTypeSchema } from './api-key.js';
import { queryInteger, Timestamp } from './common.js';

export const ActivityEventOut = z
  .object({
    id: z.string(),
    type: z.string().openapi({ example: 'api_key_created' }),
    environment: KeyTypeSchema,
    actor: z.object({
      type: z.enum(['api_key', 'user', 'system']),
      id: z.string().nullable(),
      name: z.string().nullable(),
    }),
    target: z.object({ type: z.string(), id: z.string() }).nullable(),
    metadata: z.record(z.string(), z.unknown()),
    created_at: Timestamp,
  })
  .openapi('ActivityEvent');

export const ActivityQuery = z.object({
  limit: queryInteger('limit', 1, 100, 20),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'From the previous page' }),
});

export function toActivityEventOut(event: AuditEventRecord): z.infer<typeof ActivityEventOut> {
  return {
    id: event.id,
    type: event.action,
    environment: event.environment,
    actor: { type: event.actor_type, id: event.actor_id, name: event.actor_name },
    target:
      event.target_type !== null && event.target_id !== null
        ? { type: event.target_type, id: event.target_id }
        : null,
    metadata: event.metadata,
    created_at: event.created_at,
  };
}
