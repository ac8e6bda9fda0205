import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '@onepin/db';
import type { ServerConfig } from '../config.js';
import { systemClock } from '../deps.js';
import { openConfiguredDatabase } from '../main.js';
import type { ServiceDeps } from '../services/service-deps.js';

/** Admin commands act on the database directly; a running server's caches learn of key
 * changes through its cache TTL (and, across nodes, the invalidation channel). */
export async function withAdminDeps<T>(
  config: ServerConfig,
  run: (deps: ServiceDeps) => Promise<T>,
): Promise<T> {
  const database: DatabaseHandle = await openConfiguredDatabase(config);
  try {
    return await run({
      database,
      clock: systemClock,
      newId: randomUUID,
      keyInvalidation: { invalidate: async () => {} },
    });
  } finally {
    await database.close();
  }
}
