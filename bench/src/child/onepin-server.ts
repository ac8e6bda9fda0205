/**
 * A OnePin server child: the production `buildApp` and `createAppDeps` on an existing database,
 * served by @hono/node-server on 127.0.0.1 exactly as `startServer` does, with the production
 * logger writing one line per request to stdout (which the harness sends to /dev/null).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { findApiKeyForAuthentication, openDatabase } from '@onepin/db';
import {
  type ApiKeyPrincipal,
  type AppDeps,
  type AppEnv,
  buildApp,
  createAppDeps,
  createLogger,
  principalOfKey,
  toVerifiedKey,
} from '@onepin/server';
import type { MiddlewareHandler } from 'hono';
import { measuredFlush, runChild } from './protocol.js';

export interface OnePinServerConfig {
  databaseUrl: string;
  logLevel: 'info' | 'warn';
  /**
   * `off` is the baseline: the same app with authentication switched off, serving every request
   * as the principal of `principalKeyHash`.
   */
  authentication: 'on' | 'off';
  principalKeyHash?: string;
  /** 0 sends every request to the database (the verification cache never answers). */
  keyCacheTtlMs?: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as OnePinServerConfig;

await runChild(async () => {
  const database = openDatabase({ url: config.databaseUrl });
  const deps = createAppDeps({
    database,
    logger: createLogger(config.logLevel),
    ...(config.keyCacheTtlMs !== undefined && { keyCacheTtlMs: config.keyCacheTtlMs }),
  });
  // The baseline swaps the credential check of every route for its own: same app, same routes,
  // same guards around them, but no key is looked at.
  const app = buildApp(
    deps,
    config.authentication === 'off'
      ? { credential: servedAs(await principalOf(deps, database, config.principalKeyHash)) }
      : {},
  );
  // No `deps.usage.start()`: the harness flushes last-used times between measured rounds, so a
  // once-a-minute batch write never lands inside one round and not another.
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return {
    port: (server.address() as AddressInfo).port,
    flush: () =>
      measuredFlush(
        () => deps.usage.pendingCount,
        () => deps.usage.flush(),
      ),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await deps.usage.stop();
      await database.close();
    },
  };
});

/** The baseline's credential check: every request is this principal, whatever it sends. */
function servedAs(principal: ApiKeyPrincipal): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    c.set('principal', principal);
    return next();
  };
}

/** The principal authentication would have produced for this key (the baseline serves it),
 * built by the same functions authentication uses, so the baseline cannot drift from them. */
async function principalOf(
  deps: AppDeps,
  database: ReturnType<typeof openDatabase>,
  keyHash: string | undefined,
): Promise<ApiKeyPrincipal> {
  const record = keyHash && (await findApiKeyForAuthentication(database.db, keyHash));
  if (!record) throw new Error('the baseline needs the hash of a stored key');
  return principalOfKey(toVerifiedKey(record, deps.scopes));
}
