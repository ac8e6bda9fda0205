import { randomUUID } from 'node:crypto';
import { BUILT_IN_SCOPE_CATALOGUE, type ScopeCatalogue } from '@onepin/core';
import type { DatabaseHandle } from '@onepin/db';
import { adminKeyInvalidation } from '../cluster/admin-key-invalidation.js';
import type { ServerConfig } from '../config.js';
import { systemClock } from '../deps.js';
import { openConfiguredDatabase } from '../main.js';
import type { KeyInvalidation } from '../services/key-invalidation.js';
import type { ServiceDeps } from '../services/service-deps.js';

/**
 * What the services need to act on a database directly, outside a running server. With no
 * `keyInvalidation`, nobody is told of key changes: for seeding a database no server serves
 * yet (tests). The admin commands pass theirs (`withAdminDeps`).
 */
export function directServiceDeps(
  database: DatabaseHandle,
  keyInvalidation: KeyInvalidation = { invalidate: async () => {} },
  scopes: ScopeCatalogue = BUILT_IN_SCOPE_CATALOGUE,
): ServiceDeps {
  return { database, clock: systemClock, newId: randomUUID, keyInvalidation, scopes };
}

/**
 * Opens the configured database, runs an admin command on it, and closes it. Key changes
 * reach the running servers as the nodes' own do (`adminKeyInvalidation`).
 */
export async function withAdminDeps<T>(
  config: ServerConfig,
  run: (deps: ServiceDeps) => Promise<T>,
): Promise<T> {
  const database = await openConfiguredDatabase(config);
  const invalidation = adminKeyInvalidation(config, database);
  try {
    return await run(directServiceDeps(database, invalidation.keyInvalidation, config.scopes));
  } finally {
    await invalidation.close();
    await database.close();
  }
}

/** Where the admin commands write: their result on stdout, everything for people on stderr. */
export interface AdminOutput {
  print: (line: string) => void;
  printError: (line: string) => void;
}
