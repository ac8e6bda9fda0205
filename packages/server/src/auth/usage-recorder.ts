import {
  addVerificationCounts,
  type DatabaseHandle,
  recordApiKeyUsage,
  touchServiceToken,
  type VerificationCount,
} from '@onepin/db';

const HOUR_MS = 3_600_000;

/**
 * Collects `last_used_at` in memory and writes it in batches, so no request ever waits for
 * a write (SPEC §2): one flush a minute means at most one write per key per minute. The
 * verify API's aggregate audit (verifications per key per hour) and the service tokens' last
 * use ride along in the same flush.
 */
export class UsageRecorder {
  readonly #pending = new Map<string, number>();
  /** Verifications not yet written: hour start (epoch ms) → key id → count. */
  #verifications = new Map<number, Map<string, number>>();
  #serviceTokens = new Map<string, number>();
  /** The batch being written: still reported by `lastUsedAt` until the write is done. */
  #writing = new Map<string, number>();
  readonly #database: DatabaseHandle;
  readonly #onError: (error: unknown) => void;
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(database: DatabaseHandle, onError: (error: unknown) => void) {
    this.#database = database;
    this.#onError = onError;
  }

  record(keyId: string, nowMs: number): void {
    this.#pending.set(keyId, nowMs);
  }

  /** Counts `count` verifications of a key through the verify API (never a row each). */
  countVerifications(keyId: string, nowMs: number, count = 1): void {
    const hour = nowMs - (nowMs % HOUR_MS);
    let keys = this.#verifications.get(hour);
    if (keys === undefined) {
      keys = new Map();
      this.#verifications.set(hour, keys);
    }
    keys.set(keyId, (keys.get(keyId) ?? 0) + count);
  }

  /** Notes a service token's use, written with the next flush. */
  recordServiceToken(tokenId: string, nowMs: number): void {
    this.#serviceTokens.set(tokenId, nowMs);
  }

  /**
   * The last use of a key that this node has seen but not yet written (epoch ms), so the API
   * can answer "less than a minute ago" right after a use instead of "never". Uses seen by
   * other nodes reach the database, and so every node, with their next flush (≤ 1 minute).
   */
  lastUsedAt(keyId: string): number | undefined {
    return this.#pending.get(keyId) ?? this.#writing.get(keyId);
  }

  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Writes everything collected so far; a failed write keeps the values for the next flush. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#write());
    return this.#flushing;
  }

  async #write(): Promise<void> {
    await this.#writeVerifications();
    await this.#writeServiceTokens();
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending].map(([id, at]) => ({
      id,
      lastUsedAt: new Date(at).toISOString(),
    }));
    this.#writing = new Map(this.#pending);
    this.#pending.clear();
    try {
      await recordApiKeyUsage(this.#database, batch);
    } catch (error) {
      for (const { id, lastUsedAt } of batch) {
        const at = Date.parse(lastUsedAt);
        if ((this.#pending.get(id) ?? 0) < at) this.#pending.set(id, at);
      }
      this.#onError(error);
    } finally {
      this.#writing = new Map();
    }
  }

  async #writeVerifications(): Promise<void> {
    if (this.#verifications.size === 0) return;
    const batch: VerificationCount[] = [];
    for (const [hour, keys] of this.#verifications) {
      const periodStart = new Date(hour).toISOString();
      for (const [apiKeyId, count] of keys) batch.push({ apiKeyId, periodStart, count });
    }
    this.#verifications = new Map();
    try {
      await addVerificationCounts(this.#database.db, batch);
    } catch (error) {
      // Counted again with the next flush: the counters are an audit, not to be lost quietly.
      for (const { apiKeyId, periodStart, count } of batch) {
        this.countVerifications(apiKeyId, Date.parse(periodStart), count);
      }
      this.#onError(error);
    }
  }

  async #writeServiceTokens(): Promise<void> {
    if (this.#serviceTokens.size === 0) return;
    const batch = this.#serviceTokens;
    this.#serviceTokens = new Map();
    try {
      for (const [id, at] of batch) {
        await touchServiceToken(this.#database.db, id, new Date(at).toISOString());
      }
    } catch (error) {
      for (const [id, at] of batch) {
        if ((this.#serviceTokens.get(id) ?? 0) < at) this.#serviceTokens.set(id, at);
      }
      this.#onError(error);
    }
  }

  start(intervalMs = 60_000): void {
    this.#timer ??= setInterval(() => void this.flush(), intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and writes what is left (graceful shutdown). */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }
}
