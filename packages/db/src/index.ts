export type { Kysely, Transaction } from 'kysely';
export {
  type DatabaseHandle,
  type DialectName,
  openDatabase,
  SQLITE_COMPANION_SUFFIXES,
} from './connection.js';
export { isDatabaseUnavailable, isRejectedValue, isUniqueViolation } from './errors.js';
export { lookupApiKeyForAuthentication, recordApiKeyUsage } from './internal/index.js';
export { migrateToLatest } from './migrate.js';
export { PlaintextKeyRefusedError } from './refuse-plaintext-keys.js';
export {
  type ApiKeyForAuthentication,
  findApiKeyForAuthentication,
  findApiKeysForAuthenticationByIds,
} from './repositories/api-key-authentication.js';
export type { ApiKeyUsage } from './repositories/api-key-usage.js';
export * from './repositories/api-keys.js';
export * from './repositories/audit-events.js';
export * from './repositories/device-authorizations.js';
export * from './repositories/invitations.js';
export * from './repositories/key-events.js';
export * from './repositories/members.js';
export * from './repositories/password-links.js';
export * from './repositories/service-tokens.js';
export * from './repositories/sessions.js';
export * from './repositories/setup-tokens.js';
export * from './repositories/template-uses.js';
export * from './repositories/tenant.js';
export * from './repositories/uploads.js';
export * from './repositories/users.js';
export * from './repositories/verify-api.js';
export * from './repositories/webhook-deliveries.js';
export * from './repositories/webhooks.js';
export * from './repositories/workflows.js';
export * from './repositories/workspaces.js';
export type * from './schema.js';
export {
  acquireServerLock,
  DatabaseInUseError,
  type ServerLock,
  serverLockPath,
} from './sqlite-server-lock.js';
