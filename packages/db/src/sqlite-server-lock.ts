import { closeSync, openSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { tightenToOwnerOnly } from './connection.js';

/** The file beside a SQLite database that a running server holds locked. */
export function serverLockPath(databasePath: string): string {
  return `${databasePath}.server-lock`;
}

/** Another process holds the server lock of this database. */
export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

export interface ServerLock {
  /** Lets the next server in; the process exiting, however it exits, does the same. */
  release(): void;
}

/**
 * Makes sure only one server process uses a SQLite database: a second one would keep its own
 * verified-key cache, unaware of revocations made through the first, and serve a revoked key
 * until its cache entry expired. The lock is SQLite's own on a dedicated file
 * (`<database>.server-lock`), held in exclusive locking mode for as long as the connection is
 * open: an OS lock, so it goes with the process — a `kill -9` included — and no stale pid file
 * can ever keep a server out. The database file itself stays unlocked, so the admin commands
 * keep working beside a running server.
 *
 * Never open the lock file any other way while holding it: closing any descriptor of a file
 * drops all of a process's POSIX locks on it (SQLite itself is careful about this).
 */
export function acquireServerLock(databasePath: string): ServerLock {
  const path = serverLockPath(databasePath);
  try {
    // Created here, private, rather than by SQLite (0644). `wx` never opens an existing file.
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    tightenToOwnerOnly(path);
  }
  const lock = new SQLite(path, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // The first read takes a shared lock and the first write an exclusive one; in exclusive
    // locking mode neither is ever released until the connection closes.
    lock.pragma('journal_mode = MEMORY');
    lock.exec('BEGIN EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    lock.exec('DELETE FROM holder');
    lock.prepare('INSERT INTO holder VALUES (?, ?)').run(process.pid, new Date().toISOString());
    lock.exec('COMMIT');
  } catch (error) {
    lock.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      throw new DatabaseInUseError(
        `another OnePin server is already using ${databasePath}; SQLite serves one server process at a time (run several on PostgreSQL: ONEPIN_DATABASE_URL=postgres://…)`,
      );
    }
    throw error;
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      lock.close();
    },
  };
}
