import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { VerificationCache } from '../auth/verification-cache.js';
import type { Logger } from '../logger.js';
import type { KeyInvalidation } from '../services/key-invalidation.js';
import { decodeInvalidation, encodeInvalidations } from './invalidation-message.js';

export interface RedisKeyInvalidationOptions {
  publisher: Redis;
  /** A connection used for nothing else: SUBSCRIBE takes it over. */
  subscriber: Redis;
  /** `{prefix}key-invalidation`. Channels are global to a Redis server, unlike PostgreSQL's. */
  channel: string;
  cache: VerificationCache;
  logger: Logger;
  nodeId?: string;
}

/** The channel of a deployment's key invalidations: channels are global to a Redis server. */
export function redisInvalidationChannel(redisPrefix: string): string {
  return `${redisPrefix}key-invalidation`;
}

export const PUBLISH_FAILED =
  'could not publish a key invalidation; other nodes will drop the keys within the cache TTL';

/**
 * Tells every node subscribed to `channel` that the keys with these hashes changed, after the
 * commit. A failed publish is reported to `onError` and not thrown: the change is committed,
 * and the cache TTL bounds how long another node can miss it.
 */
export async function publishKeyChanges(
  publisher: Pick<Redis, 'publish'>,
  channel: string,
  source: string,
  hashes: readonly string[],
  onError: (error: unknown) => void,
): Promise<void> {
  for (const payload of encodeInvalidations(source, hashes)) {
    try {
      await publisher.publish(channel, payload);
    } catch (error) {
      onError(error);
    }
  }
}

/**
 * Cross-node invalidation over Redis pub/sub (SPEC §9), for when `ONEPIN_REDIS_URL` is set.
 *
 * Redis cannot take part in the database transaction, so the message is published after the
 * commit, right after the local eviction. Pub/sub delivers at most once: a subscriber that was
 * disconnected missed messages, so each time the subscription is (re-)established the node
 * clears its whole cache, and the cache TTL bounds staleness in between.
 */
export class RedisKeyInvalidation implements KeyInvalidation {
  readonly #options: RedisKeyInvalidationOptions;
  readonly #nodeId: string;
  #subscribed = false;
  #closed = false;

  constructor(options: RedisKeyInvalidationOptions) {
    this.#options = options;
    this.#nodeId = options.nodeId ?? randomUUID();
  }

  get listening(): boolean {
    return this.#subscribed;
  }

  /** Subscribes; rejects when the first subscription fails. The connection must be ready. */
  async start(): Promise<void> {
    const { subscriber, channel } = this.#options;
    subscriber.on('message', (from: string, payload: string) => {
      if (from === channel) this.#receive(payload);
    });
    subscriber.on('close', () => {
      this.#subscribed = false;
    });
    // Every reconnection comes back unsubscribed (autoResubscribe is off): subscribe, then clear.
    subscriber.on('ready', () => void this.#subscribe().catch(() => subscriber.disconnect(true)));
    await this.#subscribe();
  }

  async invalidate(hashes: readonly string[]): Promise<void> {
    this.#options.cache.evict(hashes);
    const { publisher, channel, logger } = this.#options;
    await publishKeyChanges(publisher, channel, this.#nodeId, hashes, (error) =>
      logger.error({ err: error }, PUBLISH_FAILED),
    );
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#subscribed = false;
  }

  async #subscribe(): Promise<void> {
    if (this.#closed) return;
    await this.#options.subscriber.subscribe(this.#options.channel);
    // Messages published while this node was not subscribed are lost: forget everything.
    this.#options.cache.clear();
    this.#subscribed = true;
  }

  #receive(payload: string): void {
    const message = decodeInvalidation(payload);
    if (message === null) {
      this.#options.logger.warn('ignored a malformed key invalidation message');
      return;
    }
    if (message.source !== this.#nodeId) this.#options.cache.evict(message.hashes);
  }
}
