import { randomBytes } from 'node:crypto';

/** PostgreSQL and Redis for tests, from the variables `.ci/run` sets; `undefined` when absent. */
export const TEST_DATABASE_URL = process.env.ONEPIN_TEST_DATABASE_URL?.trim() || undefined;
export const TEST_REDIS_URL = process.env.ONEPIN_TEST_REDIS_URL?.trim() || undefined;

/** A Redis key prefix no other test run uses: the Redis server is shared. */
export function uniqueRedisPrefix(): string {
  return `onepin-test-${randomBytes(6).toString('hex')}:`;
}

/** A name unique to this run, for log files. */
export function runName(label: string): string {
  return `${label}-${process.pid}-${randomBytes(3).toString('hex')}`;
}
