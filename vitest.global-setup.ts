/**
 * Says up front which optional suites run. Outside CI a missing service skips its tests (and
 * says so here); in CI (`CI=true`) every service is required.
 */
export default function setup(): void {
  const optional = [
    ['PostgreSQL', 'ONEPIN_TEST_DATABASE_URL'],
    ['Redis', 'ONEPIN_TEST_REDIS_URL'],
  ] as const;
  const missing = optional.filter(([, variable]) => !process.env[variable]?.trim());
  if (process.env.CI === 'true' && missing.length > 0) {
    throw new Error(`CI requires ${missing.map(([, variable]) => variable).join(' and ')}`);
  }
  for (const [service, variable] of missing) {
    console.log(`note: ${service} tests are skipped (set ${variable} to run them)`);
  }
}
