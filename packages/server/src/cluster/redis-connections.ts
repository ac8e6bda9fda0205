import { Redis, type RedisOptions } from 'ioredis';
import { redactUrl } from '../config.js';
import type { Logger } from '../logger.js';
import { backoffDelay } from './backoff.js';

/** The two connections a node keeps to Redis: pub/sub needs a connection of its own. */
export interface RedisConnections {
  /** Rate-limit counters and PUBLISH. Fails fast while disconnected instead of queueing, so
   * a Redis outage costs a request nothing but the fallback. */
  commands: Redis;
  /** SUBSCRIBEs to key invalidations. */
  subscriber: Redis;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 5_000;

const COMMON_OPTIONS: RedisOptions = {
  lazyConnect: true,
  connectTimeout: CONNECT_TIMEOUT_MS,
  // Reconnect for as long as the process lives, never faster than every 100 ms per node.
  retryStrategy: (attempt) => backoffDelay(attempt, 100, 2_000),
};

/**
 * Opens both connections and waits until they are ready: a wrong `ONEPIN_REDIS_URL` stops
 * start-up with a clear message, while an outage later only degrades the node.
 */
export async function connectRedis(
  url: string,
  logger: Logger,
  name = 'onepin',
): Promise<RedisConnections> {
  const commands = new Redis(url, {
    ...COMMON_OPTIONS,
    connectionName: `${name}-commands`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 500,
  });
  const subscriber = new Redis(url, {
    ...COMMON_OPTIONS,
    connectionName: `${name}-subscriber`,
    // The subscriber re-subscribes itself, then clears the cache (see RedisKeyInvalidation).
    autoResubscribe: false,
  });
  const state = { started: false, closing: false };
  // ioredis reports why a connection failed in an `error` event, and only "Connection is
  // closed." through connect(): keep the first for the start-up message.
  let startupError: Error | undefined;
  const noteStartupError = (error: Error) => {
    if (!state.started) startupError ??= error;
  };
  commands.on('error', noteStartupError);
  subscriber.on('error', noteStartupError);
  reportOutages(commands, 'commands', logger, state);
  reportOutages(subscriber, 'subscriber', logger, state);
  const close = async () => {
    state.closing = true;
    commands.disconnect();
    subscriber.disconnect();
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all([commands.connect(), subscriber.connect()]),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CONNECT_TIMEOUT_MS + 500);
      }),
    ]);
  } catch (error) {
    await close();
    const cause = startupError ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`cannot connect to Redis at ${redactUrl(url)}: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
  state.started = true;
  return { commands, subscriber, close };
}

/** One warning when a connection goes down, one line when it is back; never an unhandled
 * `error` event, which ioredis would print on its own. */
function reportOutages(
  redis: Redis,
  role: string,
  logger: Logger,
  state: { started: boolean; closing: boolean },
): void {
  let down = false;
  const lost = (error?: Error) => {
    if (down || !state.started || state.closing) return;
    down = true;
    logger.warn({ err: error, redis: role }, 'Redis connection lost; retrying');
  };
  redis.on('error', lost);
  redis.on('close', () => lost());
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ redis: role }, 'Redis connection restored');
  });
}
