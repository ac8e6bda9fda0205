import type { BetterAuthServerConfig } from './child/better-auth-server.js';
import type { OnePinServerConfig } from './child/onepin-server.js';
import type { FlushReport } from './child/protocol.js';
import { type BenchDatabase, insertKeys, sha256Hex } from './fixtures/onepin-keys.js';
import { KeyCycle, KeyQueue, type KeySource } from './key-source.js';
import type { LoadResult } from './load.js';
import type { ModeId } from './options.js';
import { ServerProcess } from './server-process.js';

/** One measured run of one mode. */
export interface RunRecord extends LoadResult {
  round: number;
  /** The server process's CPU time over the run divided by its 2xx responses. */
  cpuMicrosPerRequest: number;
  /** Requests whose key had been used before, in a first-sight mode (should be 0). */
  reusedKeys: number;
  /** Cores' worth of CPU that other processes (not this server, not the harness) used during the
   * run: the noise of a shared machine, recorded so a reader can judge a figure. */
  otherLoad: number | null;
  /** Whether this is the quieter of two tries (the first was disturbed by other processes). */
  repeated: boolean;
}

/** A server under test, how its requests pick keys, and what was measured. */
export interface Mode {
  id: ModeId;
  label: string;
  server: ServerProcess;
  keys: KeySource;
  /** First-sight modes store more keys when a run may send more requests than keys are left. */
  reserve?: (requests: number) => Promise<void>;
  throughput: RunRecord[];
  latency: RunRecord[];
  flushes: FlushReport[];
}

export const MODE_LABELS: Record<ModeId, string> = {
  baseline: 'baseline: same server and route, authentication off',
  cached: 'api key, cached (1,000 keys, all seen before)',
  'first-sight-sqlite': 'api key, first sight, SQLite (each key used once)',
  'first-sight-postgres': 'api key, first sight, PostgreSQL (each key used once)',
  'cache-off-1k': 'every request to the database, 1,000 keys stored',
  'cache-off-1m': 'every request to the database, 1,000,000 keys stored',
  'better-auth-documented': 'better-auth API-key plugin, as its documentation sets it up',
  'better-auth-wal': 'better-auth API-key plugin, database tuned (WAL, synchronous=NORMAL)',
};

export interface ModeContext {
  profileDir: string | undefined;
  logLevel: OnePinServerConfig['logLevel'];
}

function make(id: ModeId, server: ServerProcess, keys: KeySource, label = MODE_LABELS[id]): Mode {
  return { id, label, server, keys, throughput: [], latency: [], flushes: [] };
}

/** A OnePin server child for a mode. */
export async function onePinMode(
  id: ModeId,
  context: ModeContext,
  config: Omit<OnePinServerConfig, 'logLevel'>,
  keys: KeySource,
  label?: string,
): Promise<Mode> {
  const server = await ServerProcess.start(
    'onepin-server',
    { ...config, logLevel: context.logLevel } satisfies OnePinServerConfig,
    context.profileDir ? { profileDir: context.profileDir } : {},
  );
  return make(id, server, keys, label);
}

/** The same 1,000 stored keys, cycled, with authentication on or off. */
export function cycledKeys(keys: readonly string[]): KeyCycle {
  return new KeyCycle(keys);
}

export function baselineConfig(database: BenchDatabase, keys: readonly string[]) {
  return {
    databaseUrl: database.url,
    authentication: 'off',
    principalKeyHash: sha256Hex(keys[0] as string),
  } as const;
}

/** A first-sight mode: a key queue that the harness keeps stocked from `database`. */
export function firstSightKeys(database: BenchDatabase, initial: readonly string[]) {
  const queue = new KeyQueue();
  queue.add(initial);
  return {
    queue,
    async reserve(requests: number) {
      const missing = requests - queue.remaining;
      if (missing > 0) queue.add(await insertKeys(database, missing));
    },
  };
}

/** A better-auth server child; it creates its keys through its own API before it listens. */
export async function betterAuthMode(
  id: 'better-auth-documented' | 'better-auth-wal',
  context: ModeContext,
  config: BetterAuthServerConfig,
): Promise<Mode> {
  const server = await ServerProcess.start(
    'better-auth-server',
    config,
    context.profileDir
      ? { profileDir: context.profileDir, startTimeoutMs: 300_000 }
      : { startTimeoutMs: 300_000 },
  );
  return make(id, server, new KeyCycle(server.info.keys as string[]));
}
