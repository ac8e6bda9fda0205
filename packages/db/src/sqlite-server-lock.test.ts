import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { acquireServerLock, DatabaseInUseError, serverLockPath } from './sqlite-server-lock.js';

describe('the SQLite server lock', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'onepin-lock-'));
    path = join(dir, 'onepin.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lets one holder in at a time, in this process too, and the next one after release', () => {
    const first = acquireServerLock(path);
    expect(() => acquireServerLock(path)).toThrow(DatabaseInUseError);
    expect(() => acquireServerLock(path)).toThrow(
      /another OnePin server is already using .*onepin\.db; SQLite serves one server process at a time/,
    );
    first.release();
    acquireServerLock(path).release();
  });

  it('is refused to another process while held, and is not a stale file after release', () => {
    const lock = acquireServerLock(path);
    const script = `
      const SQLite = require('better-sqlite3');
      const db = new SQLite(${JSON.stringify(serverLockPath(path))}, { timeout: 0 });
      db.pragma('locking_mode = EXCLUSIVE');
      try { db.pragma('journal_mode = MEMORY'); db.exec('BEGIN EXCLUSIVE'); console.log('got it'); }
      catch (e) { console.log(e.code); }`;
    const run = () =>
      execFileSync(process.execPath, ['-e', script], {
        cwd: process.cwd(),
        encoding: 'utf8',
      }).trim();
    expect(run()).toBe('SQLITE_BUSY');
    lock.release();
    expect(run()).toBe('got it');
  });

  it('leaves the database itself open to other connections (the admin commands)', async () => {
    const lock = acquireServerLock(path);
    try {
      const database = openDatabase({ url: path });
      await database.db
        .selectFrom('sqlite_master' as never)
        .selectAll()
        .execute();
      await database.close();
    } finally {
      lock.release();
    }
  });

  it('keeps its file private (0600)', () => {
    const previous = process.umask(0o022);
    try {
      acquireServerLock(path).release();
      expect(statSync(serverLockPath(path)).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });
});
