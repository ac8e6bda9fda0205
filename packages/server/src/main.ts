import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '@onepin/db';
import { buildApp } from './app.js';
import { redactUrl, type ServerConfig } from './config.js';
import { createAppDeps } from './deps.js';
import { createLogger } from './logger.js';
import { issueSetupUrl } from './services/setup-token.js';

export interface RunningServer {
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, flushes usage, closes the database. */
  close(): Promise<void>;
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

/** Starts the API server on the configured address; prints the setup URL on a first run. */
export async function startServer(
  config: ServerConfig,
  print: (line: string) => void = console.log,
): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const database = await openConfiguredDatabase(config);
  const deps = createAppDeps({
    database,
    logger,
    failedAuthLimitPerMin: config.failedAuthLimitPerMin,
    settings: {
      publicUrl: config.publicUrl,
      defaultRateLimitPerMin: config.defaultRateLimitPerMin,
      trustProxy: config.trustProxy,
    },
  });
  const app = buildApp(deps);
  deps.usage.start();

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = config.port === 0 ? config.publicUrl.replace(/:0$/, `:${port}`) : config.publicUrl;
  const where = database.dialect === 'sqlite' ? config.databaseUrl : redactUrl(config.databaseUrl);
  print(`OnePin server listening on ${url} (${database.dialect}: ${where})`);
  const setupUrl = await issueSetupUrl(deps, url);
  if (setupUrl) {
    print('');
    print(
      'No user exists yet. Open this one-time link to create the admin account and the first workspace:',
    );
    print(`  ${setupUrl}`);
    print(
      '(or run: onepin-server admin create-user --email you@example.com --workspace "My workspace")',
    );
    print('');
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await deps.usage.stop();
        await database.close();
      })();
      return closing;
    },
  };
}
