import {
  type DatabaseHandle,
  type KeyInvalidationEvent,
  keyInvalidationEventBounds,
  listKeyInvalidationEventsAfter,
} from '@onepin/db';
import type { VerificationCache } from '../auth/verification-cache.js';
import type { AppSettings } from '../deps.js';
import type { Logger } from '../logger.js';

/** Rows read per query: a burst (a member with many keys removed) comes in pages. */
const PAGE = 500;

/** One open events stream, as the hub sees it. */
export interface VerifyEventsSubscriber {
  /** New events, in `seq` order, each delivered once per subscriber (it filters by its own
   * cursor: the hub may hand it rows it already replayed). */
  deliver(events: readonly KeyInvalidationEvent[]): void;
  /** The server is shutting down: end the stream. */
  close(): void;
}

export interface VerifyEventsHubOptions {
  database: DatabaseHandle;
  keyCache: VerificationCache;
  logger: Logger;
  settings: Readonly<Pick<AppSettings, 'verifyEventsPollMs' | 'verifyEventsStreamsPerToken'>>;
}

/** Why a subscription was refused. */
export type SubscribeRefusal = 'too_many_streams' | 'closed';

/**
 * The one reader of `key_invalidation_events` on a node, for all of its verify event streams.
 *
 * It wakes when the node's key cache evicts or clears (`VerificationCache.onInvalidate`):
 * after a change this node committed, and when the invalidation fan-out (PostgreSQL
 * LISTEN/NOTIFY, Redis) tells it of another node's — whose rows are committed by then. It then
 * reads the rows after the last one it read, once, and hands them to every stream. A poll
 * every `verifyEventsPollMs` (≤ 1 s) is the safety net for a missed wake-up (a listener that
 * was down, an admin command on SQLite). It queries only while streams are open, on a pooled
 * connection it returns at once: an idle stream holds no connection.
 */
export class VerifyEventsHub {
  readonly #options: VerifyEventsHubOptions;
  readonly #subscribers = new Map<VerifyEventsSubscriber, string>();
  readonly #perToken = new Map<string, number>();
  /** The last seq read; null while no stream is open (the next one starts from the top). */
  #cursor: number | null = null;
  #starting: Promise<void> | undefined;
  #reading = false;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: VerifyEventsHubOptions) {
    this.#options = options;
    options.keyCache.onInvalidate(() => this.wake());
  }

  get streamCount(): number {
    return this.#subscribers.size;
  }

  /**
   * Adds a stream of `tokenId`. Once it resolves, every event committed after this call is
   * delivered to `subscriber`; the caller replays older ones itself (`Last-Event-ID`).
   */
  async subscribe(
    tokenId: string,
    subscriber: VerifyEventsSubscriber,
  ): Promise<SubscribeRefusal | null> {
    if (this.#closed) return 'closed';
    const open = this.#perToken.get(tokenId) ?? 0;
    if (open >= this.#options.settings.verifyEventsStreamsPerToken) return 'too_many_streams';
    this.#perToken.set(tokenId, open + 1);
    this.#subscribers.set(subscriber, tokenId);
    try {
      await this.#start();
    } catch (error) {
      this.unsubscribe(subscriber);
      throw error;
    }
    return null;
  }

  unsubscribe(subscriber: VerifyEventsSubscriber): void {
    const tokenId = this.#subscribers.get(subscriber);
    if (tokenId === undefined) return;
    this.#subscribers.delete(subscriber);
    const open = (this.#perToken.get(tokenId) ?? 1) - 1;
    if (open > 0) this.#perToken.set(tokenId, open);
    else this.#perToken.delete(tokenId);
    if (this.#subscribers.size === 0) this.#stop();
  }

  /** Reads new rows soon (coalesced: one read at a time, one more if woken meanwhile). */
  wake(): void {
    if (this.#subscribers.size === 0 || this.#cursor === null) return;
    if (this.#reading) {
      this.#again = true;
      return;
    }
    void this.#read();
  }

  /** Ends every stream and refuses new ones (graceful shutdown). */
  close(): void {
    this.#closed = true;
    const subscribers = [...this.#subscribers.keys()];
    for (const subscriber of subscribers) {
      this.unsubscribe(subscriber);
      subscriber.close();
    }
    this.#stop();
  }

  #start(): Promise<void> {
    if (this.#cursor !== null) return Promise.resolve();
    this.#starting ??= (async () => {
      try {
        const { max } = await keyInvalidationEventBounds(this.#options.database.db);
        this.#cursor = max ?? 0;
        this.#timer = setInterval(() => this.wake(), this.#options.settings.verifyEventsPollMs);
        this.#timer.unref();
      } finally {
        this.#starting = undefined;
      }
    })();
    return this.#starting;
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#cursor = null;
  }

  async #read(): Promise<void> {
    this.#reading = true;
    try {
      do {
        this.#again = false;
        const cursor = this.#cursor;
        if (cursor === null) return;
        const rows = await listKeyInvalidationEventsAfter(this.#options.database.db, cursor, PAGE);
        // Stopped (no stream left) or restarted meanwhile: this read is stale.
        if (this.#cursor !== cursor) return;
        const last = rows.at(-1);
        if (last === undefined) continue;
        this.#cursor = last.seq;
        for (const subscriber of this.#subscribers.keys()) subscriber.deliver(rows);
        if (rows.length === PAGE) this.#again = true;
      } while (this.#again);
    } catch (error) {
      this.#options.logger.warn({ err: error }, 'reading key invalidation events failed');
    } finally {
      this.#reading = false;
    }
  }
}
