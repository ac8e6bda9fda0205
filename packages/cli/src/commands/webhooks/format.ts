import type { Webhook, WebhookDelivery, WebhookDeliveryDetail } from '@onepin/sdk';
import type { CliContext } from '../../context.js';
import { timeCell, timeField } from '../../format/time.js';

/** The advice printed with every signing secret (create and rotate-secret). */
export const STORE_SECRET_NOW =
  'This is the only time the signing secret is shown: give it to the receiver (it verifies the webhook-signature header) and store it in a secrets manager.';

/** `“https://…” (id)`: how a webhook is named in questions and messages. */
export function describeWebhook(webhook: Pick<Webhook, 'url' | 'id'>): string {
  return `${webhook.url} (${webhook.id})`;
}

const events = (webhook: Webhook) => webhook.events.join(',');

/** The columns of `webhooks list`. */
export function webhookTable(ctx: CliContext, webhooks: readonly Webhook[]) {
  const now = ctx.now();
  return {
    headers: ['ID', 'URL', 'EVENTS', 'TYPE', 'STATUS', 'CREATED'],
    rows: webhooks.map((webhook) => [
      webhook.id,
      webhook.url,
      events(webhook),
      webhook.environment,
      webhook.active ? 'active' : 'disabled',
      timeCell(webhook.created_at, ctx.out.tty, now),
    ]),
  };
}

/** The fields of `webhooks show` (and of the results of create, update and rotate-secret). */
export function webhookFields(ctx: CliContext, webhook: Webhook): [string, string][] {
  const { tty } = ctx.out;
  const now = ctx.now();
  return [
    ['ID', webhook.id],
    ['URL', webhook.url],
    ['Description', webhook.description ?? ''],
    ['Events', events(webhook)],
    ['Type', webhook.environment],
    ['Status', webhook.active ? 'active' : 'disabled'],
    ['Old secret until', timeField(webhook.previous_secret_expires_at, tty, now)],
    ['Created', timeField(webhook.created_at, tty, now)],
    ['Updated', timeField(webhook.updated_at, tty, now)],
  ];
}

/** What the last attempt said: a status code, or the error. */
function lastAnswer(delivery: WebhookDelivery): string {
  if (delivery.last_status_code !== null) return String(delivery.last_status_code);
  return delivery.last_error ?? '';
}

/** The columns of `webhooks deliveries`. */
export function deliveryTable(ctx: CliContext, deliveries: readonly WebhookDelivery[]) {
  const now = ctx.now();
  const { tty } = ctx.out;
  return {
    headers: ['ID', 'EVENT', 'STATUS', 'ATTEMPTS', 'LAST ANSWER', 'NEXT ATTEMPT', 'CREATED'],
    rows: deliveries.map((delivery) => [
      delivery.id,
      delivery.event_type,
      delivery.status,
      String(delivery.attempts),
      lastAnswer(delivery),
      timeCell(delivery.next_attempt_at, tty, now, '-'),
      timeCell(delivery.created_at, tty, now),
    ]),
  };
}

/** The attempts of one delivery, oldest first. */
export function attemptTable(ctx: CliContext, detail: WebhookDeliveryDetail) {
  const now = ctx.now();
  return {
    headers: ['WHEN', 'TRIGGER', 'STATUS', 'ERROR', 'MS'],
    rows: detail.attempts_log.map((attempt) => [
      timeCell(attempt.attempted_at, ctx.out.tty, now),
      attempt.trigger,
      attempt.status_code === null ? '-' : String(attempt.status_code),
      attempt.error ?? '',
      String(attempt.duration_ms),
    ]),
  };
}
