import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@onepin/db';
import type { ServerConfig } from '../config.js';
import { systemClock } from '../deps.js';
import { openConfiguredDatabase } from '../main.js';
import type { ServiceDeps } from '../services/service-deps.js';

/**
 * What the services need to act on a database directly, outside a running server (the admin
 * commands, and tests that seed a server's database): there is no cache here to invalidate;
 * a running server's caches learn of key changes through their TTL (and, across nodes, the
 * invalidation channel).
 */
export function directServiceDeps(database: DatabaseHandle): ServiceDeps {
  return {
    database,
    clock: systemClock,
    newId: randomUUID,
    keyInvalidation: { invalidate: async () => {} },
  };
}

/** Opens the configured database, runs an admin command on it, and closes it. */
export async function withAdminDeps<T>(
  config: ServerConfig,
  run: (deps: ServiceDeps) => Promise<T>,
): Promise<T> {
  const database = await openConfiguredDatabase(config);
  try {
    return await run(directServiceDeps(database));
  } finally {
    await database.close();
  }
}

/** Where the admin commands write: their result on stdout, everything for people on stderr. */
export interface AdminOutput {
  print: (line: string) => void;
  printError: (line: string) => void;
}
