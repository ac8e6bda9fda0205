import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '@onepin/db';
import { buildApp } from './app.js';
import { LocalDirectoryBlobStore } from './blob-store/local-directory.js';
import { redactUrl, type ServerConfig } from './config.js';
import { serveDashboard } from './dashboard.js';
import { createAppDeps } from './deps.js';
import { createLogger } from './logger.js';
import { loadServerSecret } from './server-secret.js';
import { issueSetupUrl } from './services/setup-token.js';
import { UploadUrlSigner } from './uploads/upload-url-signer.js';

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
  const secret = loadServerSecret(config);
  const database = await openConfiguredDatabase(config);
  const deps = createAppDeps({
    database,
    logger,
    failedAuthLimitPerMin: config.failedAuthLimitPerMin,
    blobStore: new LocalDirectoryBlobStore(config.blobDir),
    uploadSigner: new UploadUrlSigner(secret),
    settings: {
      publicUrl: config.publicUrl,
      defaultRateLimitPerMin: config.defaultRateLimitPerMin,
      trustProxy: config.trustProxy,
      uploadMaxBytes: config.uploadMaxBytes,
    },
  });
  const app = buildApp(deps, { extraRoutes: [serveDashboard()] });
  deps.usage.start();

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = config.port === 0 ? config.publicUrl.replace(/:0$/, `:${port}`) : config.publicUrl;
  // With port 0 the public URL is only known now: upload URLs, links, cookies and the sign-in
  // origin check use it.
  deps.settings.publicUrl = url;
  const where = database.dialect === 'sqlite' ? config.databaseUrl : redactUrl(config.databaseUrl);
  const setupUrl = await issueSetupUrl(deps, url);
  const banner = [`OnePin server listening on ${url} (${database.dialect}: ${where})`];
  if (setupUrl) {
    banner.push(
      '',
      'No user exists yet. Open this one-time link to create the admin account and the first workspace:',
      `  ${setupUrl}`,
      '(or run: onepin-server admin create-user --email you@example.com --workspace "My workspace")',
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
