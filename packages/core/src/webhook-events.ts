/**
 * Every event a webhook can subscribe to (issue 16), with the one-line explanation the
 * dashboard and the CLI show. `*` in a webhook's list means all of them, present and future.
 */
export const WEBHOOK_EVENT_CATALOGUE = {
  'api_key.created': 'A key was created (also by the admin commands)',
  'api_key.updated': "A key's name, scopes, rate limit, expiry or active flag changed",
  'api_key.rotated': 'A key was rotated: the old key and its replacement',
  'api_key.revoked': 'A key was revoked (directly, with its member, or as a leak)',
  'api_key.expired': 'A key reached its expiry (a rotated-out key: the end of its grace period)',
  'api_key.leaked':
    'A key was reported leaked (GitHub secret scanning, or the public revocation endpoint)',
  'api_key.rate_limited': 'A key hit its rate limit (at most once per key per minute)',
  'member.added': 'Someone joined the workspace (an invitation was accepted)',
  'member.removed': 'A member was removed from the workspace',
  'member.role_changed': "A member's role changed",
} as const satisfies Record<string, string>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_CATALOGUE;

export const WEBHOOK_EVENT_TYPES = Object.keys(
  WEBHOOK_EVENT_CATALOGUE,
) as readonly WebhookEventType[];

/** Subscribes a webhook to every event, those added later included. */
export const ALL_WEBHOOK_EVENTS = '*';

const EVENT_SET: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

export function isWebhookEventType(value: string): value is WebhookEventType {
  return EVENT_SET.has(value);
}

/** The prefix of a webhook signing secret (Standard Webhooks): `whsec_` + base64. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
