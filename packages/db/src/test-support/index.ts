import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, it } from 'vitest';
import { type DatabaseHandle, type DialectName, openDatabase } from '../connection.js';
import { migrateToLatest } from '../migrate.js';
import { insertWorkspace } from '../repositories/workspaces.js';
import type { Database } from '../schema.js';

/** A fresh, migrated database of one dialect for one test file, dropped by `dispose`. */
export interface TestDatabase {
  handle: DatabaseHandle;
  url: string;
  dispose(): Promise<void>;
}

export interface TestDialect {
  name: DialectName;
  create(): Promise<TestDatabase>;
}

const postgresUrl = process.env.ONEPIN_TEST_DATABASE_URL?.trim() || undefined;

/** A fresh database of one dialect with no migration applied (the migrations' own tests). */
async function createEmptyDatabaseOf(name: DialectName): Promise<TestDatabase> {
  if (name === 'sqlite') {
    const handle = openDatabase({ url: ':memory:' });
    return { handle, url: ':memory:', dispose: () => handle.close() };
  }
  if (!postgresUrl) throw new Error('ONEPIN_TEST_DATABASE_URL is not set');
  const { url, drop } = await createPostgresDatabase(postgresUrl);
  const handle = openDatabase({ url, maxConnections: 5 });
  return {
    handle,
    url,
    async dispose() {
      await handle.close();
      await drop();
    },
  };
}

/** A fresh, migrated database of one dialect. */
async function createMigratedDatabase(name: DialectName): Promise<TestDatabase> {
  const database = await createEmptyDatabaseOf(name);
  await migrateToLatest(database.handle);
  return database;
}

export const sqliteDialect: TestDialect = {
  name: 'sqlite',
  create: () => createMigratedDatabase('sqlite'),
};

export const postgresDialect: TestDialect = {
  name: 'postgres',
  create: () => createMigratedDatabase('postgres'),
};

/** A fresh database of `dialect` with no migration applied, for tests of the migrations. */
export function createEmptyDatabase(dialect: TestDialect): Promise<TestDatabase> {
  return createEmptyDatabaseOf(dialect.name);
}

/**
 * The dialects this run covers: SQLite always, PostgreSQL when ONEPIN_TEST_DATABASE_URL is
 * set. Without it the PostgreSQL suites are reported as skipped, not silently dropped.
 */
export const testDialects: readonly TestDialect[] = [sqliteDialect, postgresDialect];

/** Whether a dialect can run here; use with `describe.skipIf(!dialectAvailable(d))`. */
export function dialectAvailable(dialect: TestDialect): boolean {
  return dialect.name === 'sqlite' || postgresUrl !== undefined;
}

/**
 * One fresh database of `dialect` for the tests of a `describe` block: created and given
 * `seed` before them, dropped after them. `run` is `it`, skipped (and reported as such) when
 * the dialect is not available here.
 */
export function databasePerSuite(
  dialect: TestDialect,
  seed?: (db: Kysely<Database>) => Promise<void>,
) {
  const available = dialectAvailable(dialect);
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (!available) return;
    database = await dialect.create();
    await seed?.(database.handle.db);
  });
  afterAll(async () => database?.dispose());
  return {
    get handle(): DatabaseHandle {
      if (!database) throw new Error(`the ${dialect.name} test database is not ready`);
      return database.handle;
    },
    run: it.skipIf(!available),
  };
}

/** A seed: bare workspaces with these ids (their names and slugs too), made by nobody. */
export function workspacesWithIds(...ids: string[]) {
  return async (db: Kysely<Database>): Promise<void> => {
    const at = '2026-01-01T00:00:00.000Z';
    for (const id of ids) {
      await insertWorkspace(db, {
        id,
        name: id,
        slug: id,
        created_by: null,
        created_at: at,
        updated_at: at,
      });
    }
  };
}

/** Creates an empty database on the server of `serverUrl`; `drop` removes it. */
export async function createPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `onepin_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
export { apiKeyRecord } from './api-key-record.js';
export { findKeysInDatabase, KEY_ANYWHERE } from './scan-for-keys.js';
