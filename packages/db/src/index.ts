export type { Kysely, Transaction } from 'kysely';
export { type DatabaseHandle, type DialectName, openDatabase } from './connection.js';
export { migrateToLatest } from './migrate.js';
export * from './repositories/api-keys.js';
export * from './repositories/audit-events.js';
export * from './repositories/setup-tokens.js';
export * from './repositories/users.js';
export * from './repositories/workspaces.js';
export type * from './schema.js';
