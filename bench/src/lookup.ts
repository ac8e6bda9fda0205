import { parseApiKey } from '@onepin/core';
import { lookupApiKeyForAuthentication, openDatabase } from '@onepin/db';
import { sha256Hex } from './fixtures/onepin-keys.js';
import { median, percentile } from './stats.js';

export interface LookupTable {
  label: string;
  url: string;
  /** Stored keys to look up, in the order they will be tried. */
  keys: readonly string[];
}

export interface LookupResult {
  label: string;
  /** Median over rounds of each round's p50 / p99, microseconds. */
  p50Micros: number;
  p99Micros: number;
}

/**
 * A cache miss's verification, in process and without HTTP: checksum, SHA-256 and the database
 * lookup the request path uses (`lookupApiKeyForAuthentication`). Tables are measured in alternating rounds on the same
 * connection settings the server uses, so what differs is only the number of rows.
 */
export async function measureLookups(
  tables: readonly LookupTable[],
  rounds: number,
  perRound: number,
): Promise<LookupResult[]> {
  const handles = tables.map((table) => openDatabase({ url: table.url }));
  const samples = tables.map(() => ({ p50: [] as number[], p99: [] as number[] }));
  const cursors = tables.map(() => 0);
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [t, table] of tables.entries()) {
        const handle = handles[t] as (typeof handles)[number];
        const times = new Float64Array(perRound);
        for (let i = 0; i < perRound; i++) {
          const cursor = cursors[t] ?? 0;
          cursors[t] = cursor + 1;
          const key = table.keys[cursor % table.keys.length] as string;
          const started = performance.now();
          if (parseApiKey(key) === null) throw new Error('a stored key failed its checksum');
          const record = await lookupApiKeyForAuthentication(handle, sha256Hex(key));
          times[i] = (performance.now() - started) * 1000;
          if (record === undefined) throw new Error(`${table.label}: a stored key was not found`);
        }
        times.sort();
        samples[t]?.p50.push(percentile(times, 0.5));
        samples[t]?.p99.push(percentile(times, 0.99));
      }
    }
  } finally {
    await Promise.all(handles.map((handle) => handle.close()));
  }
  return tables.map((table, t) => ({
    label: table.label,
    p50Micros: median(samples[t]?.p50 ?? []),
    p99Micros: median(samples[t]?.p99 ?? []),
  }));
}
