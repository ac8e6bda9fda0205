import { z } from '@hono/zod-openapi';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@onepin/core';
import type { DeliveryListItem, WebhookDeliveryAttemptRow, WebhookRecord } from '@onepin/db';
import { GracePeriodSeconds, KeyTypeSchema } from './api-key.js';
import { describeInput, OffsetQuery, Timestamp } from './common.js';

const eventList = WEBHOOK_EVENT_TYPES.join(', ');

export const WebhookEventTypeSchema = z
  .enum(['*', ...WEBHOOK_EVENT_TYPES] as ['*', ...WebhookEventType[]], {
    error: (issue) =>
      `unknown event ${describeInput(issue.input)}; valid events: ${eventList}, or * for all`,
  })
  .openapi('WebhookEventType');

/** An http(s) URL of at most 2048 characters with a host; private targets are the service's. */
const WebhookUrl = z
  .string()
  .trim()
  .max(2048, 'must be at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL')
  .openapi({ format: 'uri', example: 'https://example.com/onepin/events' });

const Description = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters')
  .nullable();

const EventList = z
  .array(WebhookEventTypeSchema)
  .min(1, 'name at least one event, or * for all')
  .max(WEBHOOK_EVENT_TYPES.length + 1);

export const WebhookOut = z
  .object({
    id: z.string().openapi({ format: 'uuid' }),
    workspace_id: z.string(),
    environment: KeyTypeSchema.openapi({
      description: 'Whose events it receives: live keys and members, or test keys',
    }),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(WebhookEventTypeSchema),
    active: z.boolean(),
    previous_secret_expires_at: Timestamp.nullable().openapi({
      description:
        'Until then the previous secret signs too (after a rotation with a grace period)',
    }),
    created_by: z.string().nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Webhook');

export const WebhookWithSecretOut = WebhookOut.extend({
  secret: z.string().openapi({
    description:
      'The signing secret (`whsec_…`, Standard Webhooks). Returned only this once: store it now.',
  }),
}).openapi('WebhookWithSecret');

export const CreateWebhookBody = z
  .strictObject({
    url: WebhookUrl,
    description: Description.optional(),
    events: EventList,
    active: z.boolean().optional(),
    environment: KeyTypeSchema.optional().openapi({
      description:
        "Default: the key's own type (a test key makes test webhooks), live for sessions",
    }),
  })
  .openapi('WebhookCreate');

export const UpdateWebhookBody = z
  .strictObject({
    url: WebhookUrl.optional(),
    description: Description.optional(),
    events: EventList.optional(),
    active: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change')
  .openapi('WebhookUpdate');

export const RotateWebhookSecretBody = z
  .strictObject({ grace_period_seconds: GracePeriodSeconds.optional() })
  .openapi('WebhookSecretRotate');

const IdParam = (name: string) =>
  z
    .string()
    .max(100)
    .openapi({ param: { name, in: 'path' }, format: 'uuid' });

export const WebhookIdParam = z.object({ id: IdParam('id') });
export const DeliveryParams = z.object({ id: IdParam('id'), delivery_id: IdParam('delivery_id') });

export const DeliveryStatusSchema = z
  .enum(['pending', 'succeeded', 'failed'])
  .openapi('WebhookDeliveryStatus');

export const DeliveryListQuery = OffsetQuery.extend({
  status: DeliveryStatusSchema.optional().openapi({
    param: { name: 'status', in: 'query' },
    description: 'Only deliveries in this state',
  }),
});

export const DeliveryOut = z
  .object({
    id: z.string(),
    webhook_id: z.string(),
    event_id: z.string().openapi({ description: 'Also the `webhook-id` header of every attempt' }),
    event_type: z.string(),
    status: DeliveryStatusSchema,
    attempts: z.number().int(),
    next_attempt_at: Timestamp.nullable(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
    delivered_at: Timestamp.nullable(),
  })
  .openapi('WebhookDelivery');

export const DeliveryAttemptOut = z
  .object({
    id: z.string(),
    trigger: z.enum(['automatic', 'manual']),
    attempted_at: Timestamp,
    status_code: z.number().int().nullable(),
    error: z.string().nullable(),
    duration_ms: z.number().int(),
    response_excerpt: z.string().nullable(),
  })
  .openapi('WebhookDeliveryAttempt');

export const DeliveryDetailOut = DeliveryOut.extend({
  payload: z.record(z.string(), z.unknown()).openapi({ description: 'The body sent' }),
  attempts_log: z.array(DeliveryAttemptOut),
}).openapi('WebhookDeliveryDetail');

export function toWebhookOut(record: WebhookRecord): z.infer<typeof WebhookOut> {
  return {
    id: record.id,
    workspace_id: record.workspace_id,
    environment: record.environment,
    url: record.url,
    description: record.description,
    events: record.event_types as Array<z.infer<typeof WebhookEventTypeSchema>>,
    active: record.active,
    previous_secret_expires_at: record.previous_secret_expires_at,
    created_by: record.created_by,
    created_at: record.created_at,
    updated_at: record.updated_at,
  };
}

export function toDeliveryOut(item: DeliveryListItem): z.infer<typeof DeliveryOut> {
  return {
    id: item.id,
    webhook_id: item.webhook_id,
    event_id: item.event_id,
    event_type: item.event_type,
    status: item.status,
    attempts: item.attempts,
    next_attempt_at: item.next_attempt_at,
    last_status_code: item.last_status_code,
    last_error: item.last_error,
    created_at: item.created_at,
    updated_at: item.updated_at,
    delivered_at: item.delivered_at,
  };
}

export function toDeliveryDetailOut(found: {
  delivery: DeliveryListItem;
  payload: string;
  attempts: WebhookDeliveryAttemptRow[];
}): z.infer<typeof DeliveryDetailOut> {
  return {
    ...toDeliveryOut(found.delivery),
    payload: JSON.parse(found.payload) as Record<string, unknown>,
    attempts_log: found.attempts.map((attempt) => ({
      id: attempt.id,
      trigger: attempt.trigger,
      attempted_at: attempt.attempted_at,
      status_code: attempt.status_code,
      error: attempt.error,
      duration_ms: attempt.duration_ms,
      response_excerpt: attempt.response_excerpt,
    })),
  };
}
