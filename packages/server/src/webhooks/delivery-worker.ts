import type { DatabaseHandle } from '@onepin/db';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  loadClaimedDeliveries,
  recordDeliveryAttempt,
} from '@onepin/db';
import type { Clock } from '../deps.js';
import type { Logger } from '../logger.js';
import type { DeliveryResult, WebhookSender } from './http-sender.js';
import { retryDelayMs } from './retry-schedule.js';
import type { SecretBox } from './secret-box.js';
import { signDelivery } from './signing.js';

export interface DeliveryWorkerOptions {
  database: DatabaseHandle;
  clock: Clock;
  newId: () => string;
  logger: Logger;
  sender: WebhookSender;
  secrets: SecretBox;
  /** This node's id, recorded on the leases it takes. */
  nodeId: string;
  /** How long a claim holds a delivery: longer than a whole attempt may take. */
  leaseMs: number;
  batchSize?: number;
  /** Deliveries sent at once. */
  concurrency?: number;
  random?: () => number;
}

/**
 * Sends due deliveries from the outbox: claims a batch with a lease (so no other node sends
 * them meanwhile, and a node killed mid-delivery leaves them to whoever claims after the
 * lease), signs each with the webhook's secret(s), sends it, and logs the attempt, scheduling
 * the next one with exponential backoff until the retry window closes. Delivery is at least
 * once: a node that dies after the receiver answered but before logging it sends the event
 * again, with the same `webhook-id` for the receiver to recognise.
 */
export class DeliveryWorker {
  readonly #options: Required<DeliveryWorkerOptions>;

  constructor(options: DeliveryWorkerOptions) {
    this.#options = { batchSize: 20, concurrency: 8, random: Math.random, ...options };
  }

  /** Claims and sends one batch of due deliveries; returns how many it attempted. */
  async deliverDue(): Promise<number> {
    const { database, clock, nodeId, leaseMs, batchSize } = this.#options;
    const nowMs = clock.now();
    const ids = await claimDueDeliveries(database.db, database.dialect, {
      now: new Date(nowMs).toISOString(),
      leaseUntil: new Date(nowMs + leaseMs).toISOString(),
      nodeId,
      limit: batchSize,
    });
    if (ids.length === 0) return 0;
    const claimed = await loadClaimedDeliveries(database.db, ids);
    await inParallel(claimed, this.#options.concurrency, (item) => this.#attempt(item));
    return claimed.length;
  }

  async #attempt(item: ClaimedDelivery): Promise<void> {
    const { clock, sender, logger } = this.#options;
    const { delivery, event, webhook } = item;
    let result: DeliveryResult;
    // A webhook switched off gets nothing more: its pending deliveries end here, not in a day.
    const final = !webhook.active;
    if (!webhook.active) {
      result = {
        statusCode: null,
        error: 'the webhook is disabled',
        responseExcerpt: null,
        durationMs: 0,
      };
    } else {
      const signing = this.#signingSecrets(item, clock.now());
      if (signing.length === 0) {
        result = {
          statusCode: null,
          error:
            'the signing secret cannot be decrypted (was ONEPIN_SECRET changed?): rotate the webhook secret',
          responseExcerpt: null,
          durationMs: 0,
        };
      } else {
        const headers = signDelivery(signing, event.id, new Date(clock.now()), event.payload);
        result = await sender.send({
          url: webhook.url,
          headers: { ...headers },
          body: event.payload,
        });
      }
    }
    try {
      await this.#record(item, result, final);
    } catch (error) {
      // The lease runs out and another claim retries it: at least once, never lost.
      logger.error({ err: error, delivery_id: delivery.id }, 'webhook delivery not recorded');
    }
  }

  /** The current secret, and the previous one while its grace lasts. */
  #signingSecrets(item: ClaimedDelivery, nowMs: number): string[] {
    const { webhook } = item;
    const box = this.#options.secrets;
    const current = box.open(webhook.secret_ciphertext, webhook.id);
    if (current === null) return [];
    const previous =
      webhook.previous_secret_ciphertext !== null &&
      webhook.previous_secret_expires_at !== null &&
      Date.parse(webhook.previous_secret_expires_at) > nowMs
        ? box.open(webhook.previous_secret_ciphertext, webhook.id)
        : null;
    return previous === null ? [current] : [current, previous];
  }

  async #record(item: ClaimedDelivery, result: DeliveryResult, final: boolean): Promise<void> {
    const { clock, newId, database, nodeId, random } = this.#options;
    const { delivery } = item;
    const nowMs = clock.now();
    const now = new Date(nowMs).toISOString();
    const attempts = delivery.attempts + 1;
    const succeeded = result.error === null;
    let next: string | null = null;
    if (!succeeded && !final) {
      const at = nowMs + retryDelayMs(attempts, random);
      if (at <= Date.parse(delivery.retry_until)) next = new Date(at).toISOString();
    }
    await recordDeliveryAttempt(database.db, delivery.id, nodeId, {
      attempt: {
        id: newId(),
        delivery_id: delivery.id,
        trigger: delivery.redelivery_requested_at === null ? 'automatic' : 'manual',
        attempted_at: now,
        status_code: result.statusCode,
        error: result.error,
        duration_ms: result.durationMs,
        response_excerpt: result.responseExcerpt,
      },
      delivery: {
        status: succeeded ? 'succeeded' : next === null ? 'failed' : 'pending',
        attempts,
        next_attempt_at: next,
        last_status_code: result.statusCode,
        last_error: result.error,
        updated_at: now,
        delivered_at: succeeded ? now : delivery.delivered_at,
      },
    });
  }
}

async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}
