import { findApiKeyById, markKeyEvent } from '@onepin/db';
import type { VerifiedKey } from '../auth/verified-key.js';
import type { Logger } from '../logger.js';
import type { ServiceDeps } from '../services/service-deps.js';
import { enqueueKeyEvent } from '../services/webhook-outbox.js';

const MINUTE_MS = 60_000;

/**
 * Fires `api_key.rate_limited` at most once per key per minute (Unkey users' alert on a
 * breach). Called on every 429 of a key, so it is cheap there: this node remembers which
 * keys it announced this minute and does nothing more for them; the first 429 of a key in a
 * minute writes the mark (key, `rate_limited`, minute), unique across nodes, and the event in
 * one transaction, in the background — the 429 never waits for it.
 */
export class RateLimitEvents {
  readonly #deps: ServiceDeps;
  readonly #logger: Logger;
  #minute = Number.NEGATIVE_INFINITY;
  #announced = new Set<string>();
  #pending = new Set<Promise<void>>();

  constructor(deps: ServiceDeps, logger: Logger) {
    this.#deps = deps;
    this.#logger = logger;
  }

  announce(key: VerifiedKey, limitPerMin: number, nowMs: number): void {
    const minute = nowMs - (nowMs % MINUTE_MS);
    if (minute !== this.#minute) {
      this.#minute = minute;
      this.#announced = new Set();
    }
    if (this.#announced.has(key.id)) return;
    this.#announced.add(key.id);
    const work = this.#write(key, limitPerMin, minute)
      .catch((error) =>
        this.#logger.error({ err: error, api_key_id: key.id }, 'rate_limited event not written'),
      )
      .finally(() => this.#pending.delete(work));
    this.#pending.add(work);
  }

  /** Resolves when every event started so far is written (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.#pending]);
  }

  async #write(key: VerifiedKey, limitPerMin: number, minute: number): Promise<void> {
    const deps = this.#deps;
    const windowStart = new Date(minute).toISOString();
    const now = new Date(deps.clock.now()).toISOString();
    const written = await deps.database.db.transaction().execute(async (trx) => {
      const first = await markKeyEvent(trx, {
        api_key_id: key.id,
        kind: 'rate_limited',
        mark: windowStart,
        created_at: now,
      });
      if (!first) return 0;
      const record = await findApiKeyById(trx, key.workspaceId, key.id);
      if (record === undefined) return 0;
      return enqueueKeyEvent(
        trx,
        { newId: deps.newId, now, scopes: deps.scopes },
        'api_key.rate_limited',
        record,
        null,
        {
          limit_per_min: limitPerMin,
          window_start: windowStart,
          window_end: new Date(minute + MINUTE_MS).toISOString(),
        },
      );
    });
    if (written > 0) deps.outbox?.wake();
  }
}
