import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
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
  if (path !== ':memory:') prepareSqliteFiles(path);
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

/** The files SQLite keeps beside a database; they hold its data too. */
export const SQLITE_COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/**
 * Makes the database file private before SQLite opens it: a new directory is 0700 and a new
 * file 0600, created here because SQLite would create it 0644 (less the umask) — and SQLite
 * gives the `-wal` and `-shm` files it creates later the database file's own mode. Files an
 * older version left readable by others are tightened; directories that already exist are
 * left as the operator made them (a shared volume may need its group), the files in them
 * being private either way.
 */
function prepareSqliteFiles(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  for (const file of [path, ...SQLITE_COMPANION_SUFFIXES.map((suffix) => `${path}${suffix}`)]) {
    tightenToOwnerOnly(file);
  }
}

/** `chmod go-rwx` on a file of ours; a file that is missing or not ours is left alone. */
export function tightenToOwnerOnly(file: string): void {
  let mode: number;
  try {
    const stats = statSync(file);
    if (process.getuid !== undefined && stats.uid !== process.getuid()) return;
    mode = stats.mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((mode & 0o077) !== 0) chmodSync(file, mode & 0o700);
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
