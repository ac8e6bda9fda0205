import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { refusePlaintextKeys } from './refuse-plaintext-keys.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the Kysely handle plus what the rest of the code needs to know about it. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The raw better-sqlite3 connection (SQLite only), for the few hot paths that skip Kysely. */
  readonly sqlite?: SQLite.Database;
  /** The pg pool (PostgreSQL only), e.g. for LISTEN/NOTIFY. */
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…`, `postgresql://…`, `sqlite:PATH`, `:memory:` or a file path. */
  url: string;
  /** PostgreSQL pool size. */
  maxConnections?: number;
}

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;

/** Opens SQLite (WAL) or PostgreSQL behind one Kysely interface. */
export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  const { url } = options;
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgres(url, options.maxConnections ?? 10);
  return openSqlite(url.replace(/^sqlite:(\/\/)?/i, ''));
}

function openSqlite(path: string): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers run beside the writer; NORMAL is durable across process crashes in WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [refusePlaintextKeys],
  });
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    async close() {
      await db.destroy();
    },
  };
}

function openPostgres(url: string, max: number): DatabaseHandle {
  const parseTimestamp = pg.types.getTypeParser(TIMESTAMPTZ_OID);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Fail fast when the server is away, so requests get a 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === TIMESTAMPTZ_OID) {
          return (value: string) => (parseTimestamp(value) as Date).toISOString();
        }
        if (oid === INT8_OID) return (value: string) => Number(value);
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its connection (e.g. a PostgreSQL restart) must not crash the
  // process; the pool replaces it on the next checkout.
  pool.on('error', () => {});
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [refusePlaintextKeys],
  });
  return {
    db,
    dialect: 'postgres',
    pool,
    async close() {
      await db.destroy();
    },
  };
}
