import { z } from '@hono/zod-openapi';
import {
  ACTIVITY_RANGES,
  ACTIVITY_TYPES,
  type ActivityEntry,
  activityAction,
} from '../services/activity.js';
import { isTimeZone } from '../services/activity-window.js';
import { KeyTypeSchema } from './api-key.js';
import { queryInteger, Timestamp } from './common.js';

/**
 * One event of the audit log, in the public OnePin API's shape (`id, timestamp, user, action,
 * kind, resource, metadata`) and this server's own (`type, environment, actor, target,
 * created_at`), so clients of either read it.
 */
export const ActivityEventOut = z
  .object({
    id: z.string(),
    timestamp: Timestamp.openapi({ description: 'When it happened (same as `created_at`)' }),
    user: z.object({ id: z.string(), name: z.string() }).nullable().openapi({
      description:
        'The person: who acted, or who created the key that acted; null for the admin commands',
    }),
    action: z.string().openapi({
      description:
        "The public API's activity type (`api_key_created`, `template_applied`, `member_invited`, `settings_changed`…), or the event's own type when none fits",
      example: 'settings_changed',
    }),
    kind: z.string().openapi({ description: 'The precise event type', example: 'api_key_rotated' }),
    resource: z
      .object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() })
      .openapi({ description: 'What the event is about (the workspace when nothing narrower)' }),
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
  range: z
    .enum(Object.keys(ACTIVITY_RANGES) as ['30d', '60d', '90d'])
    .optional()
    .openapi({
      param: { name: 'range', in: 'query' },
      description: 'The last 30, 60 or 90 calendar days (today included); default: all',
    }),
  type: z
    .enum(ACTIVITY_TYPES as unknown as [string, ...string[]])
    .optional()
    .openapi({
      param: { name: 'type', in: 'query' },
      description:
        'A public API type (its events; `workflow_run` and `voice_generated` match none here) or one event type',
    }),
  user_id: z
    .string()
    .max(100)
    .optional()
    .openapi({
      param: { name: 'user_id', in: 'query' },
      description:
        'Events by this member, directly or with keys they created; 404 for a non-member',
    }),
  timezone: z
    .string()
    .max(100)
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
    .optional()
    .openapi({
      param: { name: 'timezone', in: 'query' },
      description: 'The zone whose calendar days `range` counts; default UTC',
    }),
});

const textOf = (value: unknown) => (typeof value === 'string' ? value : null);

export function toActivityEventOut(event: ActivityEntry): z.infer<typeof ActivityEventOut> {
  const m = event.metadata;
  return {
    id: event.id,
    timestamp: event.created_at,
    user: event.person,
    action: activityAction(event.action),
    kind: event.action,
    resource: {
      type: event.target_type ?? 'workspace',
      id: event.target_id ?? event.workspace_id,
      name: textOf(m.name) ?? textOf(m.email) ?? textOf(m.filename),
    },
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
