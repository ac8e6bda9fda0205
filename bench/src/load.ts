import autocannon from 'autocannon';
import type { KeySource } from './key-source.js';
import { percentile } from './stats.js';

export interface LoadOptions {
  url: string;
  path: string;
  connections: number;
  durationSeconds: number;
  keys: KeySource;
}

export interface LoadResult {
  /** 2xx responses per second of the run. */
  requestsPerSecond: number;
  /** 2xx responses. */
  requests: number;
  /** Responses that were not 2xx, and socket errors or timeouts: both must be 0. */
  failures: number;
  /** Latency of 2xx responses, microseconds. */
  p50Micros: number;
  p99Micros: number;
  seconds: number;
  /** Share of one core the load generator used: near 1.0 means it, not the server, set the pace. */
  loadGeneratorCpu: number;
}

/**
 * One autocannon run against `url + path`, each request carrying `Authorization: Bearer <key>`
 * with the next key from `keys`.
 *
 * Latencies come from autocannon's per-response event, which has sub-millisecond resolution;
 * its summary histogram counts whole milliseconds, too coarse for what authentication adds.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let failures = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: 10,
        requests: [
          {
            method: 'GET',
            path: options.path,
            setupRequest: (request) => {
              request.headers = {
                ...request.headers,
                authorization: `Bearer ${options.keys.next()}`,
              };
              return request;
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300) latenciesMs.push(responseTimeMs);
      else failures++;
    });
  });

  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  failures += result.errors + result.timeouts;
  const sorted = Float64Array.from(latenciesMs).sort();
  return {
    requestsPerSecond: latenciesMs.length / seconds,
    requests: latenciesMs.length,
    failures,
    p50Micros: percentile(sorted, 0.5) * 1000,
    p99Micros: percentile(sorted, 0.99) * 1000,
    seconds,
    loadGeneratorCpu: (cpu.user + cpu.system) / 1e6 / seconds,
  };
}
