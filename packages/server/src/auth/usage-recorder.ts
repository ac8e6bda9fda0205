import { type DatabaseHandle, recordApiKeyUsage } from '@onepin/db';

/**
 * Collects `last_used_at` in memory and writes it in batches, so no request ever waits for
 * a write (SPEC §2): one flush a minute means at most one write per key per minute.
 */
export class UsageRecorder {
  readonly #pending = new Map<string, number>();
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
