import { sql } from 'kysely';
import type { AppDeps } from '../../deps.js';
import type { RouteRegistrar } from '../protected-route.js';

/** Extra readiness checks (Redis, draining) that other modules add. */
export type ReadinessCheck = () => Promise<string | null>;

async function databaseReachable(deps: AppDeps): Promise<string | null> {
  try {
    await sql`select 1`.execute(deps.database.db);
    return null;
  } catch {
    return 'database unreachable';
  }
}

/** `/health`: the process answers. `/ready`: it can serve (database, and whatever else is wired). */
export function healthRoutes(readinessChecks: readonly ReadinessCheck[] = []): RouteRegistrar {
  return (app, deps) => {
    app.get('/health', (c) => c.json({ status: 'ok' }));
    app.get('/ready', async (c) => {
      const problems = (
        await Promise.all([databaseReachable(deps), ...readinessChecks.map((check) => check())])
      ).filter((problem): problem is string => problem !== null);
      return problems.length === 0
        ? c.json({ status: 'ready' })
        : c.json({ status: 'unavailable', problems }, 503);
    });
  };
}
