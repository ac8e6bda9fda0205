import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import {
  acquireServerLock,
  type DatabaseHandle,
  DatabaseInUseError,
  migrateToLatest,
  openDatabase,
  releaseAllDeliveryLeases,
  type ServerLock,
} from '@onepin/db';
import { buildApp } from './app.js';
import { VerificationCache } from './auth/verification-cache.js';
import { LocalDirectoryBlobStore } from './blob-store/local-directory.js';
import { startCluster } from './cluster/start-cluster.js';
import { ConfigError, redactUrl, type ServerConfig } from './config.js';
import { serveDashboard } from './dashboard.js';
import { createAppDeps, KEY_CACHE_MAX_ENTRIES, systemClock } from './deps.js';
import { createLogger } from './logger.js';
import { GithubPublicKeys } from './secret-scanning/github-public-keys.js';
import { deriveKey, loadServerSecret } from './server-secret.js';
import { setupStage } from './services/setup.js';
import { issueSetupUrl } from './services/setup-token.js';
import { UploadUrlSigner } from './uploads/upload-url-signer.js';
import { WebhookBackground } from './webhooks/background.js';
import { DeliveryWorker } from './webhooks/delivery-worker.js';
import { HttpWebhookSender } from './webhooks/http-sender.js';
import { SecretBox } from './webhooks/secret-box.js';

export interface RunningServer {
  url: string;
  /** Drains: `/ready` turns 503, no new connections, in-flight requests finish (for at most
   * `shutdownTimeoutMs`), usage is flushed, then Redis, listeners and the database close. */
  close(): Promise<void>;
}

/** How long slow or idle clients may hold a connection. */
export interface HttpLimits {
  /** To receive a request's headers (slowloris). */
  headersTimeoutMs: number;
  /** To receive a whole request, body included (`ONEPIN_REQUEST_TIMEOUT_SECONDS`). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection stays open this long; longer than a load balancer's idle
   * timeout (60 s on the common ones), so the balancer never reuses one the server closed. */
  keepAliveTimeoutMs: number;
  /** How often the timeouts above are checked. */
  timeoutCheckIntervalMs: number;
  /** Request line and headers together (431 beyond). */
  maxHeaderBytes: number;
}

export const DEFAULT_HTTP_LIMITS: Omit<HttpLimits, 'requestTimeoutMs'> = Object.freeze({
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 65_000,
  timeoutCheckIntervalMs: 1_000,
  maxHeaderBytes: 16 * 1024,
});

export interface StartServerOptions {
  print?: (line: string) => void;
  /** Tighter limits for tests of slow clients. */
  httpLimits?: Partial<HttpLimits>;
}

/** Opens and migrates the configured database. */
export async function openConfiguredDatabase(config: ServerConfig): Promise<DatabaseHandle> {
  const database = openDatabase({ url: config.databaseUrl });
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}

/**
 * In SQLite mode, the lock that keeps a second server process off the same database (see
 * `acquireServerLock`); `null` on PostgreSQL, where any number of nodes may share it.
 */
export function lockSqliteDatabase(config: ServerConfig): ServerLock | null {
  if (/^postgres(ql)?:/i.test(config.databaseUrl) || config.databaseUrl === ':memory:') return null;
  try {
    return acquireServerLock(config.databaseUrl);
  } catch (error) {
    if (error instanceof DatabaseInUseError) throw new ConfigError(error.message);
    throw error;
  }
}

/** Starts the API server on the configured address; prints the setup URL on a first run. */
export async function startServer(
  config: ServerConfig,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const print = options.print ?? console.log;
  const limits: HttpLimits = {
    ...DEFAULT_HTTP_LIMITS,
    requestTimeoutMs: config.requestTimeoutMs,
    ...options.httpLimits,
  };
  const logger = createLogger(config.logLevel);
  const secret = loadServerSecret(config);
  const githubPublicKeys = loadGithubPublicKeys(config);
  const lock = lockSqliteDatabase(config);
  let database: DatabaseHandle;
  try {
    database = await openConfiguredDatabase(config);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const keyCache = new VerificationCache({
    ttlMs: config.keyCacheTtlMs,
    maxEntries: KEY_CACHE_MAX_ENTRIES,
    now: () => systemClock.now(),
  });
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  try {
    cluster = await startCluster({ config, database, keyCache, logger });
  } catch (error) {
    await database.close().catch(() => {});
    lock?.release();
    throw error;
  }
  const closeBackends = async () => {
    await cluster.close().catch(() => {});
    await database.close().catch(() => {});
    lock?.release();
  };
  // Listen first and serve later: with port 0 the public URL is only known once listening,
  // and the app is built with its final settings (upload URLs, links, cookies and the
  // sign-in origin check use it) instead of changing them under a running app.
  const server = createServer({
    // Node refuses a headers timeout longer than the request timeout.
    headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    maxHeaderSize: limits.maxHeaderBytes,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
      server.listen(config.port, config.host);
    });
  } catch (error) {
    await closeBackends();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = config.port === 0 ? config.publicUrl.replace(/:0$/, `:${port}`) : config.publicUrl;
  const deps = createAppDeps({
    database,
    logger,
    keyCache,
    keyInvalidation: cluster.keyInvalidation,
    rateLimiter: cluster.rateLimiter,
    failedAuth: cluster.failedAuth,
    blobStore: new LocalDirectoryBlobStore(config.blobDir),
    uploadSigner: new UploadUrlSigner(secret),
    webhookSecrets: new SecretBox(deriveKey(secret, 'webhook-signing-secrets')),
    ...(githubPublicKeys !== undefined && { githubPublicKeys }),
    settings: {
      publicUrl: url,
      defaultRateLimitPerMin: config.defaultRateLimitPerMin,
      trustProxy: config.trustProxy,
      uploadMaxBytes: config.uploadMaxBytes,
      allowPrivateWebhooks: config.webhooksAllowPrivate,
      secretScanningAction: config.secretScanningAction,
      publicRevocationLimitPerMin: config.publicRevocationLimitPerMin,
    },
  });
  // On SQLite this is the only server (the lock says so): a lease left by a server killed
  // mid-delivery belongs to no one, and its delivery goes out now instead of when it ends.
  if (database.dialect === 'sqlite') await releaseAllDeliveryLeases(database.db);
  // A claim must outlast the attempts of its batch (sent at once) with room for clock skew.
  const leaseMs = 2 * config.webhookTimeoutMs + 5_000;
  const webhooks = new WebhookBackground({
    worker: new DeliveryWorker({
      database,
      clock: systemClock,
      newId: randomUUID,
      logger,
      sender: new HttpWebhookSender({
        allowPrivate: config.webhooksAllowPrivate,
        timeoutMs: config.webhookTimeoutMs,
      }),
      secrets: deps.webhookSecrets,
      nodeId: cluster.nodeId,
      leaseMs,
      batchSize: 8,
      concurrency: 8,
    }),
    deps,
    logger,
    leaseMs,
  });
  deps.outbox = webhooks;
  let draining = false;
  const app = buildApp(deps, {
    extraRoutes: [serveDashboard()],
    readinessChecks: [async () => (draining ? 'draining' : null), ...cluster.readinessChecks],
  });
  // Attached in the same turn as 'listening' resolved: no request can have arrived before.
  server.on('request', getRequestListener(app.fetch, { hostname: config.host }));
  deps.usage.start();
  webhooks.start();

  const where = database.dialect === 'sqlite' ? config.databaseUrl : redactUrl(config.databaseUrl);
  const setupUrl = await issueSetupUrl(deps, url);
  const banner = [
    `OnePin server listening on ${url} (${database.dialect}: ${where}; cache invalidation: ${cluster.mode})`,
  ];
  if (setupUrl) {
    banner.push(
      '',
      'No user exists yet. Open this one-time link to create the admin account and the first workspace',
      '(it replaces any link printed before; the next start prints a new one until someone uses it):',
      `  ${setupUrl}`,
      '(or run: onepin-server admin create-user --email you@example.com --workspace "My workspace")',
      '',
    );
  } else if ((await setupStage(deps)) === 'no_password') {
    banner.push(
      '',
      'No one can sign in to the dashboard yet: no account has a password. Open the one-time link',
      '`onepin-server admin create-user` printed, or print a new one with:',
      '  onepin-server admin reset-password --email you@example.com',
      '',
    );
  }
  // One write, so whoever reads the output sees the setup link together with the address.
  print(banner.join('\n'));

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        draining = true;
        // Event streams never end by themselves: end them, or the drain waits for its timeout.
        // Their clients reconnect (to another node) and resume with Last-Event-ID.
        deps.verifyEvents.close();
        await drain(server, config.shutdownTimeoutMs);
        await deps.usage.stop();
        await webhooks.stop();
        await deps.rateLimitEvents.settled();
        await cluster.close();
        await database.close();
        lock?.release();
      })();
      return closing;
    },
  };
}

/** GitHub's secret-scanning public keys from `ONEPIN_SECRET_SCANNING_KEYS_FILE`, if set. */
function loadGithubPublicKeys(config: ServerConfig): GithubPublicKeys | undefined {
  const path = config.secretScanningKeysFile;
  if (path === undefined) return undefined;
  try {
    return GithubPublicKeys.fromFile(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'does not exist'
        : (error as Error).message;
    throw new ConfigError(`ONEPIN_SECRET_SCANNING_KEYS_FILE (${path}) ${reason}`);
  }
}

/**
 * Stops accepting connections and waits for the open ones to finish their requests: idle
 * keep-alive connections are closed as they become idle, and whatever is still open after
 * `timeoutMs` is cut.
 */
function drain(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearInterval(closeIdle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
