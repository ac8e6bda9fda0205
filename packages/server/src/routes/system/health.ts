import { sql } from 'kysely';
import type { AppDeps } from '../../deps.js';
import { jsonResponse } from '../../http/response-headers.js';
import type { RouteRegistrar } from '../route-definition.js';

/** Extra readiness checks (Redis, draining) that other modules add: a problem, or `null`. */
export type ReadinessCheck = () => Promise<string | null>;

/** A load balancer's health check gives up after a few seconds; answer before it does. */
const CHECK_TIMEOUT_MS = 2_000;

async function databaseReachable(deps: AppDeps): Promise<string | null> {
  try {
    await sql`select 1`.execute(deps.database.db);
    return null;
  } catch {
    return 'database unreachable';
  }
}

function withTimeout(check: () => Promise<string | null>): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('readiness check timed out'), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check().catch(() => 'readiness check failed'), timeout]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * `/health`: the process answers. `/ready`: it can serve: the database answers, and every
 * added check passes (not draining, Redis and the invalidation channel connected). Both
 * need no credential: they say nothing about the data.
 */
export function healthRoutes(readinessChecks: readonly ReadinessCheck[] = []): RouteRegistrar {
  return (app, deps) => {
    app.get('/health', (c) => jsonResponse(c, { status: 'ok' }, 200));
    app.get('/ready', async (c) => {
      const checks = [() => databaseReachable(deps), ...readinessChecks];
      const problems = (await Promise.all(checks.map(withTimeout))).filter(
        (problem): problem is string => problem !== null,
      );
      return problems.length === 0
        ? jsonResponse(c, { status: 'ready' }, 200)
        : jsonResponse(c, { status: 'unavailable', problems }, 503);
    });
  };
}
