import { randomUUID } from 'node:crypto';
import type { Database, Kysely } from '@onepin/db';
import { sql } from 'kysely';
import pg from 'pg';
import type { VerificationCache } from '../auth/verification-cache.js';
import type { Logger } from '../logger.js';
import type { KeyInvalidation } from '../services/key-invalidation.js';
import { backoffDelay } from './backoff.js';
import { decodeInvalidation, encodeInvalidations } from './invalidation-message.js';

/** Notifications are scoped to one database, so one fixed channel name is enough. */
export const POSTGRES_INVALIDATION_CHANNEL = 'onepin_key_invalidation';

export interface PostgresKeyInvalidationOptions {
  connectionString: string;
  cache: VerificationCache;
  logger: Logger;
  nodeId?: string;
  /** How often the listening connection proves it is alive, ms. */
  heartbeatMs?: number;
}

/**
 * Tells every node LISTENing on this database that the keys with these hashes changed: a
 * `NOTIFY` sent inside the transaction that changes them, delivered when (and only if) it
 * commits. `source` is the sender's node id; nodes skip their own messages.
 */
export async function notifyKeyChanges(
  trx: Kysely<Database>,
  source: string,
  hashes: readonly string[],
): Promise<void> {
  for (const payload of encodeInvalidations(source, hashes)) {
    await sql`select pg_notify(${POSTGRES_INVALIDATION_CHANNEL}, ${payload})`.execute(trx);
  }
}

/**
 * Cross-node invalidation over PostgreSQL `LISTEN/NOTIFY` (SPEC §9).
 *
 * The `NOTIFY` is sent inside the transaction that changes the keys (`announce`): PostgreSQL
 * delivers it when, and only if, that transaction commits, so another node never hears of a
 * change before it can read it, and a crash right after the commit cannot lose the message.
 * Each node keeps one dedicated connection LISTENing (a pooled one would be handed to queries).
 * When that connection drops, notifications sent meanwhile are lost: after reconnecting the
 * node clears its whole cache. Until then, the cache TTL bounds how stale an entry can be.
 */
export class PostgresKeyInvalidation implements KeyInvalidation {
  readonly #options: PostgresKeyInvalidationOptions;
  readonly #nodeId: string;
  #client: pg.Client | undefined;
  #closed = false;
  #attempt = 0;
  #retryTimer: NodeJS.Timeout | undefined;
  #heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(options: PostgresKeyInvalidationOptions) {
    this.#options = options;
    this.#nodeId = options.nodeId ?? randomUUID();
  }

  /** Whether this node currently hears other nodes' changes. */
  get listening(): boolean {
    return this.#client !== undefined;
  }

  /** Connects and starts listening; rejects when the first connection fails. */
  async start(): Promise<void> {
    this.#client = await this.#open();
    this.#heartbeatTimer = setInterval(
      () => void this.#heartbeat(),
      this.#options.heartbeatMs ?? 10_000,
    );
    this.#heartbeatTimer.unref();
  }

  announce(trx: Kysely<Database>, hashes: readonly string[]): Promise<void> {
    return notifyKeyChanges(trx, this.#nodeId, hashes);
  }

  async invalidate(hashes: readonly string[]): Promise<void> {
    this.#options.cache.evict(hashes);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    clearInterval(this.#heartbeatTimer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  async #open(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.#options.connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      query_timeout: 5_000,
      application_name: 'onepin-invalidation',
    });
    // Both fire when the server goes away; only the connection in use matters.
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client));
    client.on('notification', ({ payload }) => this.#receive(payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${POSTGRES_INVALIDATION_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    return client;
  }

  #receive(payload: string | undefined): void {
    const message = payload === undefined ? null : decodeInvalidation(payload);
    if (message === null) {
      this.#options.logger.warn('ignored a malformed key invalidation notification');
      return;
    }
    if (message.source !== this.#nodeId) this.#options.cache.evict(message.hashes);
  }

  #lost(client: pg.Client, error?: Error): void {
    if (client !== this.#client || this.#closed) return;
    this.#client = undefined;
    client.end().catch(() => {});
    this.#options.logger.warn(
      { err: error },
      'key invalidation listener lost its PostgreSQL connection; reconnecting',
    );
    this.#reconnectLater();
  }

  #reconnectLater(): void {
    this.#retryTimer = setTimeout(
      async () => {
        try {
          const client = await this.#open();
          if (this.#closed) {
            await client.end().catch(() => {});
            return;
          }
          this.#client = client;
          this.#attempt = 0;
          // Whatever was announced while nobody listened is lost: forget everything.
          this.#options.cache.clear();
          this.#options.logger.info('key invalidation listener reconnected; key cache cleared');
        } catch {
          if (!this.#closed) this.#reconnectLater();
        }
      },
      backoffDelay(this.#attempt++),
    );
    this.#retryTimer.unref();
  }

  /** A silently dead TCP connection delivers nothing and reports nothing: ask it to answer. */
  async #heartbeat(): Promise<void> {
    const client = this.#client;
    if (client === undefined) return;
    try {
      await client.query('select 1');
    } catch (error) {
      this.#lost(client, error as Error);
    }
  }
}
