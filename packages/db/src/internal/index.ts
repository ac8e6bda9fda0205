/**
 * The statements the request path runs around Kysely, prepared by hand for speed (see
 * `npm run bench`). Each takes its SQL from a Kysely query of `repositories/`, which stays the
 * reference: `fast-paths.test.ts` checks, on every dialect, that each one returns the rows
 * its Kysely query returns — and fails for an export here that has no such check. Nothing
 * outside this folder touches the raw connections (`DatabaseHandle.sqlite`, `.pool`).
 */
export { lookupApiKeyForAuthentication } from './authentication-lookup.js';
export { recordApiKeyUsage } from './usage-write.js';
