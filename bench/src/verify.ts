/**
 * `npm run bench:verify`: what @onepin/verify costs a service (issue 14), on loopback. The built
 * OnePin server runs in its own process (SQLite in a temporary directory); four small services
 * run in processes of their own — Express 5 and Hono, each with the middleware and without any
 * authentication (the baseline) — and autocannon drives them side by side, alternating
 * baseline and middleware within each round:
 *
 * - cached: every request carries one key the verifier has seen (each run uses a fresh key,
 *   verified once before it starts, so no run meets the key's rate limit);
 * - first sight: one `verify()` of a key never seen before, over loopback, timed in this
 *   process for many fresh keys (and the same through the Express service, against its
 *   baseline, one request at a time).
 *
 * It prints a table to copy into bench/RESULTS.md. Nothing here is part of `npm test`.
 * BENCH_VERIFY_SECONDS (5), BENCH_VERIFY_ROUNDS (3), BENCH_VERIFY_CONNECTIONS (50) and
 * BENCH_VERIFY_FRESH_KEYS (300) size it.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openDatabase } from '@onepin/db';
import { createVerifier } from '@onepin/verify';
import { directServiceDeps } from '../../packages/server/dist/admin/admin-context.js';
import { createServiceToken } from '../../packages/server/dist/services/service-tokens.js';
import { runLoad } from './load.js';
import { describeMachine } from './machine.js';
import { median, percentile } from './stats.js';

const SERVER_BIN = fileURLToPath(new URL('../../packages/server/dist/bin.js', import.meta.url));
const SERVICE = fileURLToPath(new URL('./child/verify-service.js', import.meta.url));
const SECONDS = Number(process.env.BENCH_VERIFY_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_VERIFY_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_VERIFY_CONNECTIONS ?? 50);
const FRESH_KEYS = Number(process.env.BENCH_VERIFY_FRESH_KEYS ?? 300);
const SCOPES = ['workflows:read'];

const run = promisify(execFile);
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts a process and waits for its "listening on <url>" line. */
function start(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/listening on (http:\/\/\S+)/)?.[1];
      if (url) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}):\n${out}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * A process's CPU time so far (user + system), in milliseconds, from /proc (Linux; 10 ms
 * ticks). On a shared machine requests per second follow the neighbours' load; the CPU a
 * process spends per request hardly does.
 */
function cpuMs(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function quantiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const sorted = Float64Array.from(samples).sort();
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
  };
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

async function main() {
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const dir = mkdtempSync(join(tmpdir(), 'onepin-bench-verify-'));
  const env = {
    ...process.env,
    ONEPIN_DATA_DIR: join(dir, 'data'),
    ONEPIN_HOST: '127.0.0.1',
    ONEPIN_PORT: '0',
    ONEPIN_LOG_LEVEL: 'warn',
  };
  const admin = async (...args: string[]) =>
    (await run(process.execPath, [SERVER_BIN, 'admin', ...args], { env })).stdout;
  const user = JSON.parse(
    await admin('create-user', '--email', 'bench@example.com', '--workspace', 'Bench', '--json'),
  ) as { workspace: { id: string } };
  const made = JSON.parse(
    await admin(
      'create-key',
      '--workspace',
      user.workspace.id,
      '--name',
      'bench admin',
      '--scopes',
      'api_keys:read,api_keys:write,workflows:read',
      '--rate-limit',
      '1000000',
      '--json',
    ),
  ) as { api_key: string };
  const adminKey = made.api_key;
  // Made in the database directly, as `onepin-server admin create-service-token` does.
  const database = openDatabase({ url: join(dir, 'data', 'onepin.db'), maxConnections: 1 });
  const serviceToken = (
    await createServiceToken(directServiceDeps(database), { name: 'bench', createdBy: null })
  ).token;
  await database.close();

  const onepin = await start([SERVER_BIN, 'serve'], env);
  const newKey = async (name: string): Promise<string> => {
    const response = await fetch(`${onepin.url}/api/v1/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, scopes: SCOPES, rate_limit_per_min: 1_000_000 }),
    });
    const body = (await response.json()) as { data?: { api_key?: string } };
    if (response.status !== 201 || !body.data?.api_key) {
      throw new Error(`key not created (${response.status}): ${JSON.stringify(body)}`);
    }
    return body.data.api_key;
  };

  const serviceEnv = (framework: string, auth: 'on' | 'off') => ({
    ...process.env,
    BENCH_FRAMEWORK: framework,
    BENCH_AUTH: auth,
    ONEPIN_URL: onepin.url,
    ONEPIN_SERVICE_TOKEN: serviceToken,
  });
  const frameworks = ['express', 'hono'] as const;
  const services = Object.fromEntries(
    await Promise.all(
      frameworks.flatMap((framework) =>
        (['off', 'on'] as const).map(
          async (auth) =>
            [`${framework}-${auth}`, await start([SERVICE], serviceEnv(framework, auth))] as const,
        ),
      ),
    ),
  );
  const url = (framework: string, auth: 'on' | 'off') =>
    (services[`${framework}-${auth}`] as { url: string }).url;

  try {
    // Throughput, cached: baseline and middleware alternate within each round.
    type Series = 'off' | 'on' | 'ratio' | 'cpuOff' | 'cpuOn' | 'cpuRatio';
    const rps: Record<string, Record<Series, number[]>> = {};
    let failures = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const framework of frameworks) {
        const key = await newKey(`bench ${framework} ${round}`);
        const warm = await fetch(`${url(framework, 'on')}/hello`, {
          headers: { authorization: `Bearer ${key}` },
        });
        if (warm.status !== 200) throw new Error(`the service answered ${warm.status}`);
        const keys = { next: () => key };
        const load = async (auth: 'on' | 'off') => {
          const child = (services[`${framework}-${auth}`] as { child: ChildProcess }).child;
          const before = cpuMs(child);
          const result = await runLoad({
            url: url(framework, auth),
            path: '/hello',
            connections: CONNECTIONS,
            durationSeconds: SECONDS,
            keys,
          });
          return { ...result, cpuMicros: ((cpuMs(child) - before) * 1000) / result.requests };
        };
        const off = await load('off');
        const on = await load('on');
        failures += off.failures + on.failures;
        rps[framework] ??= { off: [], on: [], ratio: [], cpuOff: [], cpuOn: [], cpuRatio: [] };
        const entry = rps[framework];
        entry.off.push(off.requestsPerSecond);
        entry.on.push(on.requestsPerSecond);
        entry.ratio.push(on.requestsPerSecond / off.requestsPerSecond);
        entry.cpuOff.push(off.cpuMicros);
        entry.cpuOn.push(on.cpuMicros);
        entry.cpuRatio.push(off.cpuMicros / on.cpuMicros);
      }
    }

    // First sight, in process: one verify() of a fresh key, and of a cached one.
    const fresh = await Promise.all(
      Array.from({ length: FRESH_KEYS }, (_, i) => newKey(`fresh ${i}`)),
    );
    const verifier = createVerifier({ baseUrl: onepin.url, serviceToken });
    const onepinCpuBefore = cpuMs(onepin.child);
    const firstSight: number[] = [];
    const cached: number[] = [];
    for (const key of fresh.slice(0, FRESH_KEYS / 2)) {
      let at = performance.now();
      const result = await verifier.verify(key, { scopes: SCOPES });
      firstSight.push(performance.now() - at);
      if (!result.valid) throw new Error(`a fresh key was ${result.code}`);
      at = performance.now();
      await verifier.verify(key, { scopes: SCOPES });
      cached.push(performance.now() - at);
    }
    const onepinCpuPerVerify = (cpuMs(onepin.child) - onepinCpuBefore) / firstSight.length;
    await verifier.close();

    // First sight through the Express service, one request at a time, against its baseline.
    const viaService: number[] = [];
    const viaBaseline: number[] = [];
    for (const key of fresh.slice(FRESH_KEYS / 2)) {
      for (const auth of ['off', 'on'] as const) {
        const at = performance.now();
        const response = await fetch(`${url('express', auth)}/hello`, {
          headers: { authorization: `Bearer ${key}` },
        });
        await response.arrayBuffer();
        (auth === 'on' ? viaService : viaBaseline).push(performance.now() - at);
        if (response.status !== 200) throw new Error(`express-${auth} answered ${response.status}`);
      }
    }

    const machine = describeMachine();
    const first = quantiles(firstSight);
    const hit = quantiles(cached);
    const on = quantiles(viaService);
    const off = quantiles(viaBaseline);
    const lines = [
      `Measured on ${machine.cpu} (${machine.cores} cores), ${machine.node}, ${machine.os}; the OnePin server on SQLite, every process on loopback; ${ROUNDS} rounds of ${SECONDS} s at ${CONNECTIONS} connections; ${Math.round((performance.now() - started) / 1000)} s in all; ${failures} failed responses; load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after.`,
      '',
      '| service | baseline req/s (no auth) | with @onepin/verify, cached key | × baseline, req/s (each round) | service CPU / request: baseline → middleware | × baseline, by CPU (each round) |',
      '| --- | --- | --- | --- | --- | --- |',
      ...frameworks.map((framework) => {
        const entry = rps[framework] as Record<Series, number[]>;
        const each = (values: number[]) => values.map((r) => r.toFixed(2)).join(', ');
        return `| ${framework === 'express' ? 'Express 5' : 'Hono (node-server)'} | ${Math.round(median(entry.off)).toLocaleString('en')} | ${Math.round(median(entry.on)).toLocaleString('en')} | ${median(entry.ratio).toFixed(2)} × (${each(entry.ratio)}) | ${median(entry.cpuOff).toFixed(1)} → ${median(entry.cpuOn).toFixed(1)} µs | ${median(entry.cpuRatio).toFixed(2)} × (${each(entry.cpuRatio)}) |`;
      }),
      '',
      '| one key, one request at a time | samples | p50 | p95 | p99 |',
      '| --- | --- | --- | --- | --- |',
      `| \`verify()\` of a fresh key (one POST /api/v1/keys/verify over loopback) | ${firstSight.length} | ${ms(first.p50)} | ${ms(first.p95)} | ${ms(first.p99)} |`,
      `| \`verify()\` of the same key again (from memory) | ${cached.length} | ${ms(hit.p50)} | ${ms(hit.p95)} | ${ms(hit.p99)} |`,
      `| GET through the Express service, fresh key, middleware | ${viaService.length} | ${ms(on.p50)} | ${ms(on.p95)} | ${ms(on.p99)} |`,
      `| GET through the Express service, no auth (baseline) | ${viaBaseline.length} | ${ms(off.p50)} | ${ms(off.p95)} | ${ms(off.p99)} |`,
      '',
      `First sight adds ${ms(on.p50 - off.p50)} at p50 through the service (${ms(first.p50 - hit.p50)} for verify() alone); the OnePin server spent ${onepinCpuPerVerify.toFixed(2)} ms of CPU per first-sight verification.`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await Promise.all(Object.values(services).map((s) => stop(s.child)));
    await stop(onepin.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
