import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@onepin/db';
import { createPostgresDatabase, findKeysInDatabase } from '@onepin/db/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { runName, TEST_DATABASE_URL } from './helpers/environment.js';
import { api } from './helpers/http.js';
import { seedWorkspace } from './helpers/seed.js';
import {
  type ServerProcess,
  startServerProcess,
  stopAllServers,
} from './helpers/server-process.js';

interface ConfirmedKey {
  id: string;
  key: string;
}

interface ConfirmedRotation {
  old: ConfirmedKey;
  replacement: ConfirmedKey;
}

/** What the API confirmed before the crash, and what it was asked without answering. */
interface Ledger {
  created: Map<string, ConfirmedKey>;
  rotated: ConfirmedRotation[];
  /** Keys whose rotation was sent but not confirmed: either outcome is allowed. */
  unconfirmedRotations: Set<string>;
}

const WORKERS = 4;
/** The crash comes at a random point after this many confirmed changes. */
const CONFIRMED_BEFORE_CRASH = 30;

/**
 * Several clients create and rotate keys as fast as the server answers; the server is killed
 * with SIGKILL in the middle. Each request either reached its commit or did not.
 */
async function streamUntilKilled(server: ServerProcess, adminKey: string, ledger: Ledger) {
  let confirmed = 0;
  let pending = 0;
  let inFlightAtCrash = 0;
  // Workers keep sending until their request fails: the kill lands among requests in flight.
  let killed = false;
  let dead = false;
  const crashAfter = CONFIRMED_BEFORE_CRASH + Math.floor(Math.random() * 20);
  const candidates = () =>
    [...ledger.created.values()].filter((k) => !ledger.unconfirmedRotations.has(k.id));

  const worker = async (index: number) => {
    for (let round = 0; !dead && round < 10_000; round++) {
      const pool = candidates();
      const rotate = (round + index) % 2 === 1 && pool.length > 0;
      const target = rotate ? pool[Math.floor(Math.random() * pool.length)] : undefined;
      pending++;
      try {
        if (target) {
          // Claimed before sending, so no two workers rotate the same key.
          ledger.created.delete(target.id);
          ledger.unconfirmedRotations.add(target.id);
          const response = await api(server.url, 'PATCH', `/api/v1/api-keys/${target.id}/rotate`, {
            key: adminKey,
            body: { grace_period_seconds: 0 },
          });
          expect(response.status, JSON.stringify(response.body)).toBe(200);
          const fresh = response.body.data.new_key;
          ledger.unconfirmedRotations.delete(target.id);
          ledger.rotated.push({ old: target, replacement: { id: fresh.id, key: fresh.api_key } });
          ledger.created.set(fresh.id, { id: fresh.id, key: fresh.api_key });
        } else {
          const response = await api(server.url, 'POST', '/api/v1/api-keys', {
            key: adminKey,
            body: { name: `crash ${index}-${round}`, scopes: [] },
          });
          expect(response.status, JSON.stringify(response.body)).toBe(201);
          const made = response.body.data;
          ledger.created.set(made.id, { id: made.id, key: made.api_key });
        }
      } catch (error) {
        // A request that died with the server (fetch failed) was not confirmed; anything
        // else, a failed assertion included, is a real failure.
        if (killed && error instanceof TypeError) return;
        throw error;
      } finally {
        pending--;
      }
      if (++confirmed === crashAfter) {
        killed = true;
        // Let the other workers' requests be in flight, then pull the plug.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        inFlightAtCrash = pending;
        await server.stop('SIGKILL');
        dead = true;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));
  return { confirmed, inFlightAtCrash };
}

/** No rotation is half-made: a key marked replaced has its replacement, and the other way round;
 * every key has the audit event written in its transaction. */
async function expectConsistentRows(databaseUrl: string) {
  const database = openDatabase({ url: databaseUrl, maxConnections: 1 });
  try {
    const keys = await database.db.selectFrom('api_keys').selectAll().execute();
    const events = await database.db.selectFrom('audit_events').selectAll().execute();
    const byId = new Map(keys.map((k) => [k.id, k]));
    for (const key of keys) {
      if (key.replaced_by !== null) {
        expect(byId.get(key.replaced_by)?.rotated_from, `replacement of ${key.id}`).toBe(key.id);
        const rotated = events.find(
          (e) => e.action === 'api_key_rotated' && e.target_id === key.id,
        );
        expect(JSON.parse(rotated?.metadata ?? '{}').new_key_id).toBe(key.replaced_by);
      }
      if (key.rotated_from !== null) {
        expect(byId.get(key.rotated_from)?.replaced_by, `origin of ${key.id}`).toBe(key.id);
      } else {
        expect(events.some((e) => e.action === 'api_key_created' && e.target_id === key.id)).toBe(
          true,
        );
      }
    }
    expect(await findKeysInDatabase(database)).toEqual([]);
    return keys.length;
  } finally {
    await database.close();
  }
}

async function expectConfirmedKeysWork(server: ServerProcess, ledger: Ledger) {
  const whoami = async (key: string) =>
    (await api(server.url, 'GET', '/api/v1/auth/whoami', { key })).status;
  // Created and replacement keys not rotated away since: all must work.
  for (const { key } of ledger.created.values()) expect(await whoami(key)).toBe(200);
  for (const { old } of ledger.rotated) {
    expect(await whoami(old.key), 'a key rotated away without grace').toBe(401);
  }
}

function crashSuite(dialect: 'sqlite' | 'postgres') {
  const cleanups: Array<() => Promise<void> | void> = [];

  afterAll(async () => {
    await stopAllServers();
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('keeps every confirmed key working and no change half-made across two SIGKILLs', async () => {
    let databaseUrl: string;
    if (dialect === 'sqlite') {
      const directory = mkdtempSync(join(tmpdir(), 'onepin-crash-'));
      cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
      databaseUrl = `sqlite:${join(directory, 'onepin.db')}`;
    } else {
      const created = await createPostgresDatabase(TEST_DATABASE_URL as string);
      cleanups.push(created.drop);
      databaseUrl = created.url;
    }
    const env = {
      ONEPIN_DATABASE_URL: databaseUrl,
      ONEPIN_RATE_LIMIT_PER_MIN: '1000000',
      ONEPIN_FAILED_AUTH_LIMIT_PER_MIN: '1000000',
    };
    const ledger: Ledger = { created: new Map(), rotated: [], unconfirmedRotations: new Set() };

    let server = await startServerProcess(env, { name: runName(`crash-${dialect}-0`) });
    const { adminKey } = await seedWorkspace(databaseUrl, ['api_keys:read', 'api_keys:write']);
    for (let crash = 1; crash <= 2; crash++) {
      const { confirmed, inFlightAtCrash } = await streamUntilKilled(server, adminKey, ledger);
      expect(inFlightAtCrash, 'requests in flight when the server was killed').toBeGreaterThan(0);
      const { signal } = await server.exited;
      expect(signal).toBe('SIGKILL');
      server = await startServerProcess(env, { name: runName(`crash-${dialect}-${crash}`) });
      await expectConfirmedKeysWork(server, ledger);
      const rows = await expectConsistentRows(databaseUrl);
      console.log(
        `[${dialect}] crash ${crash}: ${confirmed} changes confirmed, ${inFlightAtCrash} requests ` +
          `in flight at SIGKILL; after restart all confirmed keys work, ${rows} key rows consistent`,
      );
    }
    await server.stop();
  });
}

describe('SIGKILL in the middle of key creations and rotations, SQLite (WAL)', () => {
  crashSuite('sqlite');
});

describe.skipIf(!TEST_DATABASE_URL)(
  'SIGKILL in the middle of key creations and rotations, PostgreSQL',
  () => {
    crashSuite('postgres');
  },
);
