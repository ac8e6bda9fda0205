import type { Logger } from '../logger.js';
import {
  announceExpiredKeys,
  processReportedRevocations,
  purgeOldEvents,
} from '../services/key-event-sweeps.js';
import type { ServiceDeps } from '../services/service-deps.js';
import type { OutboxSignal } from '../services/webhook-outbox.js';
import type { DeliveryWorker } from './delivery-worker.js';

export interface WebhookBackgroundOptions {
  worker: DeliveryWorker;
  deps: ServiceDeps;
  logger: Logger;
  /** How often due deliveries are looked for without a wake-up (other nodes' events, retries). */
  pollIntervalMs?: number;
  /** How often expiries are announced and old logs purged. */
  sweepIntervalMs?: number;
  leaseMs: number;
}

/**
 * The event work of one node, on timers: sending due deliveries (at once when woken after a
 * commit, otherwise every `pollIntervalMs`), revoking publicly reported keys, announcing
 * expiries, purging old logs. One pass at a time; a wake-up during a pass runs another after it.
 */
export class WebhookBackground implements OutboxSignal {
  readonly #options: Required<WebhookBackgroundOptions>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;
  /** Set by `stop`: a pass in progress ends after the batch it is sending. */
  #halted = false;
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(options: WebhookBackgroundOptions) {
    this.#options = { pollIntervalMs: 1_000, sweepIntervalMs: 15_000, ...options };
  }

  start(): void {
    this.#stopped = false;
    this.#halted = false;
    this.wake();
  }

  wake(): void {
    if (this.#stopped) return;
    if (this.#running !== undefined) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.runOnce()
      .catch((error) => this.#options.logger.error({ err: error }, 'webhook work failed'))
      .finally(() => {
        this.#running = undefined;
        if (this.#stopped) return;
        if (this.#again) {
          this.#again = false;
          setImmediate(() => this.wake());
        } else {
          this.#timer = setTimeout(() => this.wake(), this.#options.pollIntervalMs);
          this.#timer.unref();
        }
      });
  }

  /** One pass: every due delivery and reported key, and the sweeps when they are due. */
  async runOnce(): Promise<void> {
    const { worker, deps, leaseMs, sweepIntervalMs } = this.#options;
    while ((await processReportedRevocations(deps, leaseMs)) > 0 && !this.#halted) {}
    const now = deps.clock.now();
    if (now - this.#lastSweep >= sweepIntervalMs) {
      this.#lastSweep = now;
      await announceExpiredKeys(deps);
      await purgeOldEvents(deps);
    }
    while ((await worker.deliverDue()) > 0 && !this.#halted) {}
  }

  /** Stops the timers and waits for the pass in progress (whose sends have a deadline). */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#halted = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}
