import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { FlushReport } from './child/protocol.js';
import type { StartTime } from './cli-start.js';
import type { LookupResult } from './lookup.js';
import type { Machine } from './machine.js';
import type { RunRecord } from './modes.js';
import type { BenchOptions, ModeId } from './options.js';
import { median } from './stats.js';

export interface BenchReport {
  machine: Machine;
  date: string;
  options: BenchOptions;
  logLevel: string;
  route: string;
  modes: Array<{
    id: ModeId;
    label: string;
    throughput: RunRecord[];
    latency: RunRecord[];
    flushes: FlushReport[];
  }>;
  million: { keys: number; buildSeconds: number; makeSeconds: number } | undefined;
  betterAuthSetup: Array<{ id: ModeId; seconds: number }>;
  lookups: LookupResult[];
  cli: StartTime[];
  notes: string[];
  totalSeconds: number;
}

/** What the tables show of one mode: medians over rounds, ratios paired round by round. */
interface Summary {
  id: ModeId;
  label: string;
  rps: number;
  p50: number;
  p99: number;
  cpu: number;
  latencyP50: number;
  latencyP99: number;
  /** Median over rounds of (this mode ÷ the baseline in the same round). */
  rpsVsBaseline: number | undefined;
  /** Median over rounds of (this mode − the baseline in the same round). */
  cpuOverBaseline: number | undefined;
  addedP50: number | undefined;
  suspect: string[];
}

const HAND_START = '<!-- hand-written:start -->';
const HAND_END = '<!-- hand-written:end -->';

function summarize(report: BenchReport): Map<ModeId, Summary> {
  const baseline = report.modes.find((m) => m.id === 'baseline');
  const paired = (
    runs: RunRecord[],
    base: RunRecord[] | undefined,
    f: (r: RunRecord, b: RunRecord) => number,
  ) => {
    if (!base) return undefined;
    const values = runs.flatMap((r) => {
      const b = base.find((x) => x.round === r.round);
      return b ? [f(r, b)] : [];
    });
    return values.length ? median(values) : undefined;
  };
  const out = new Map<ModeId, Summary>();
  for (const mode of report.modes) {
    const t = mode.throughput;
    const l = mode.latency;
    const suspect: string[] = [];
    const failures = [...t, ...l].reduce((n, r) => n + r.failures, 0);
    const reused = [...t, ...l].reduce((n, r) => n + r.reusedKeys, 0);
    if (failures) suspect.push(`${failures.toLocaleString('en')} non-2xx responses or errors`);
    if (reused) suspect.push(`${reused.toLocaleString('en')} requests reused a key`);
    out.set(mode.id, {
      id: mode.id,
      label: mode.label,
      rps: median(t.map((r) => r.requestsPerSecond)),
      p50: median(t.map((r) => r.p50Micros)),
      p99: median(t.map((r) => r.p99Micros)),
      cpu: median(t.map((r) => r.cpuMicrosPerRequest)),
      latencyP50: median(l.map((r) => r.p50Micros)),
      latencyP99: median(l.map((r) => r.p99Micros)),
      rpsVsBaseline: paired(
        t,
        baseline?.throughput,
        (r, b) => r.requestsPerSecond / b.requestsPerSecond,
      ),
      cpuOverBaseline: paired(
        t,
        baseline?.throughput,
        (r, b) => r.cpuMicrosPerRequest - b.cpuMicrosPerRequest,
      ),
      addedP50: paired(l, baseline?.latency, (r, b) => r.p50Micros - b.p50Micros),
      suspect,
    });
  }
  return out;
}

/** The machine is shared: say how busy the rest of it was while we measured. */
function otherLoad(report: BenchReport): string {
  const loads = report.modes
    .flatMap((m) => [...m.throughput, ...m.latency])
    .flatMap((r) => (r.otherLoad === null ? [] : [r.otherLoad]));
  if (loads.length === 0) return '';
  const runs = report.modes.flatMap((m) => [...m.throughput, ...m.latency]);
  const repeated = runs.filter((r) => r.repeated).length;
  return (
    `Other processes on the machine used a median of ${median(loads).toFixed(2)} cores ` +
    `(up to ${Math.max(...loads).toFixed(2)}) during the measured runs` +
    (repeated
      ? `; ${repeated} of ${runs.length} runs were disturbed by them (over half a core), run again, and the quieter try kept.`
      : '.')
  );
}

const int = (n: number) => Math.round(n).toLocaleString('en');
const ratio = (n: number | undefined, digits = 2) =>
  n === undefined || !Number.isFinite(n) ? '—' : `${n.toFixed(digits)} ×`;
const micros = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n) ? '—' : `${n < 100 ? n.toFixed(1) : int(n)} µs`;
const millis = (micro: number) => `${(micro / 1000).toFixed(2)} ms`;
const signed = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n) ? '—' : `${n >= 0 ? '+' : '−'}${micros(Math.abs(n))}`;
const check = (ok: boolean | undefined) => (ok === undefined ? '— (not measured)' : ok ? '✓' : '✗');

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** RESULTS.md, with the hand-written section left as a placeholder (see `writeResults`). */
export function renderResults(report: BenchReport): string {
  const s = summarize(report);
  const o = report.options;
  const get = (id: ModeId) => s.get(id);
  const base = get('baseline');
  const cached = get('cached');
  const fsSqlite = get('first-sight-sqlite');
  const off1k = get('cache-off-1k');
  const off1m = get('cache-off-1m');
  const baDoc = get('better-auth-documented');
  const baWal = get('better-auth-wal');
  const out: string[] = [];

  out.push(
    '<!-- Generated by `npm run bench` (bench/src/run.ts): regenerate with `npm run bench` from the repository root. Only the section between the hand-written markers is kept across runs. -->',
    '',
    '# Benchmarks: what API-key authentication costs',
    '',
    `Measured ${report.date.slice(0, 16).replace('T', ' ')} UTC on ${report.machine.cpu}, ` +
      `${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, ${report.machine.os}, Node ${report.machine.node}` +
      `${o.quick ? ' — **a `--quick` smoke run: not for comparison**' : ''}.`,
    '',
    `Every server runs alone in its own child process on 127.0.0.1; autocannon runs in the harness. ` +
      `Each figure is the median of ${o.rounds} rounds of ${o.seconds} s at ${o.connections} connections ` +
      `(${o.latencySeconds} s at 1 connection for latency), modes alternating within each round; ratios are ` +
      `taken round by round, then the median. Every mode serves \`GET ${report.route}\` with an ` +
      `\`Authorization: Bearer …\` header (the baseline receives it too and ignores it). OnePin logs at ` +
      `\`${report.logLevel}\` (one line per request, as in production) to /dev/null in every mode. ` +
      `The whole run took ${Math.round(report.totalSeconds)} s. ${otherLoad(report)}`,
    '',
  );

  const rowOf = (n: string, x: Summary | undefined) =>
    x
      ? [
          n,
          x.label + (x.suspect.length ? ` ⚠ ${x.suspect.join('; ')}` : ''),
          int(x.rps),
          ratio(x.rpsVsBaseline),
          millis(x.p50),
          millis(x.p99),
          micros(x.cpu),
          x.id === 'baseline' ? '—' : signed(x.cpuOverBaseline),
        ]
      : undefined;
  out.push(
    `## Throughput at ${o.connections} connections`,
    '',
    table(
      ['#', 'mode', 'req/s', '× baseline', 'p50', 'p99', 'server CPU / request', 'over baseline'],
      [
        rowOf('1', base),
        rowOf('2', cached),
        rowOf('3', fsSqlite),
        rowOf('3', get('first-sight-postgres')),
        rowOf('4', off1k),
        rowOf('4', off1m),
        rowOf('5', baDoc),
        rowOf('5', baWal),
      ].filter((row) => row !== undefined),
    ),
    '',
    '"Server CPU / request" is the server process\'s CPU time (user + system) over the run divided by ' +
      'its responses: it does not depend on how much CPU the load generator left the server. ' +
      '"Over baseline" is what authentication itself costs per request.',
    '',
  );

  const latencyRows = [...s.values()].map((x) => [
    x.label,
    micros(x.latencyP50),
    micros(x.latencyP99),
    x.id === 'baseline' ? '—' : signed(x.addedP50),
  ]);
  out.push(
    '## Latency, one request at a time',
    '',
    'At 50 connections a p50 is mostly queueing; one connection shows what each request costs.',
    '',
    table(['mode', 'p50', 'p99', 'added at p50'], latencyRows),
    '',
  );

  if (report.million) {
    const m = report.million;
    const l1k = report.lookups[0];
    const l1m = report.lookups[1];
    out.push(
      `## ${int(m.keys)} keys stored`,
      '',
      `Building the table — SHA-256 of each of ${int(m.keys)} keys and one prepared INSERT per row, in ` +
        `transactions of 20,000 rows — took **${m.buildSeconds.toFixed(1)} s** ` +
        `(${((m.buildSeconds * 1e6) / m.keys).toFixed(1)} µs per key); making the keys took ${m.makeSeconds.toFixed(1)} s more.`,
      '',
      'Both servers skip the verification cache (`keyCacheTtlMs: 0`), so every request is a first-sight ' +
        'verification; the 1,000,000-key server cycles through 100,000 of its keys spread over the whole table.',
      '',
      table(
        ['keys stored', 'req/s', 'p50 at 1 connection', 'verification in process, p50', 'p99'],
        [
          [
            l1k?.label ?? '1,000 keys',
            off1k ? int(off1k.rps) : '—',
            micros(off1k?.latencyP50),
            micros(l1k?.p50Micros),
            micros(l1k?.p99Micros),
          ],
          [
            l1m?.label ?? `${int(m.keys)} keys`,
            off1m ? int(off1m.rps) : '—',
            micros(off1m?.latencyP50),
            micros(l1m?.p50Micros),
            micros(l1m?.p99Micros),
          ],
          [
            'ratio',
            ratio(off1k && off1m && off1m.rps / off1k.rps),
            ratio(off1k && off1m && off1m.latencyP50 / off1k.latencyP50),
            ratio(l1k && l1m && l1m.p50Micros / l1k.p50Micros),
            ratio(l1k && l1m && l1m.p99Micros / l1k.p99Micros),
          ],
        ],
      ),
      '',
      '"Verification in process" is a cache miss without HTTP: checksum, SHA-256 and ' +
        "`lookupApiKeyForAuthentication` (the request path's lookup), tables alternating in rounds.",
      '',
    );
  }

  if (baDoc || baWal) {
    const vs = (x: Summary | undefined, of: Summary | undefined) =>
      ratio(x && of && x.rps / of.rps, 1);
    const setup = (id: ModeId) => report.betterAuthSetup.find((b) => b.id === id)?.seconds;
    out.push(
      '## Against better-auth',
      '',
      'better-auth 1.7.5 with `@better-auth/api-key` 1.7.5, set up as its documentation shows: ' +
        '`betterAuth({ database: new Database(path), plugins: [apiKey()] })`, tables from its own ' +
        '`getMigrations`, 1,000 keys created with `auth.api.createApiKey`, and a Hono route on ' +
        '@hono/node-server that calls `auth.api.verifyApiKey({ body: { key } })` and answers 401 unless ' +
        'it is valid. Its per-key rate limit is switched off (`rateLimit: { enabled: false }`; by default a key ' +
        'may make 10 requests a day), so only verification is measured.',
      '',
      table(
        [
          'setup',
          'req/s',
          'server CPU / request',
          'OnePin cached ÷ this, req/s',
          'the same, CPU per request',
          'OnePin first sight ÷ this, req/s',
          'creating 1,000 keys',
        ],
        [baDoc, baWal].flatMap((x) =>
          x
            ? [
                [
                  x.label,
                  int(x.rps),
                  micros(x.cpu),
                  vs(cached, x),
                  ratio(cached && x.cpu / cached.cpu, 1),
                  vs(fsSqlite, x),
                  `${setup(x.id)?.toFixed(1) ?? '—'} s`,
                ],
              ]
            : [],
        ),
      ),
      '',
      'On two shared cores the two ratios differ: better-auth keeps a core busy by itself, while ' +
        'OnePin shares its core with autocannon (about half a core at these rates) and with whatever ' +
        'else the machine runs, so its requests/s understate it. CPU per request is what caps a ' +
        'server that has a core to itself. The documented setup waits for the disk on every ' +
        "verification, so its figure moves with the disk's fsync latency.",
      '',
    );
  }

  if (report.cli.length) {
    const floor = report.cli.find((r) => r.command === 'node -e 0')?.medianMs ?? undefined;
    out.push(
      '## CLI start',
      '',
      `Median wall time of ${o.cliRuns} spawns each (after one unmeasured run); \`whoami\` calls the cached server above.`,
      '',
      table(
        ['command', 'median', '× `node -e 0`'],
        report.cli.map((r) => [
          `\`${r.command}\``,
          r.medianMs === null ? (r.note ?? '—') : `${r.medianMs.toFixed(1)} ms`,
          r.medianMs === null || floor === undefined ? '—' : ratio(r.medianMs / floor),
        ]),
      ),
      '',
    );
  }

  const version = report.cli.find((r) => r.command === 'onepin --version');
  const floor = report.cli.find((r) => r.command === 'node -e 0')?.medianMs ?? null;
  const targets: Array<[string, string, boolean | undefined]> = [
    [
      'cached ≥ 0.80 × baseline req/s',
      `${ratio(cached?.rpsVsBaseline, 3)} (by CPU per request: ${ratio(base && cached && base.cpu / cached.cpu, 3)})`,
      cached?.rpsVsBaseline === undefined ? undefined : cached.rpsVsBaseline >= 0.8,
    ],
    [
      'auth layer ≤ 8 µs server CPU per request (cached − baseline)',
      signed(cached?.cpuOverBaseline),
      cached?.cpuOverBaseline === undefined ? undefined : cached.cpuOverBaseline <= 8,
    ],
    [
      'first sight on SQLite ≥ 0.60 × baseline req/s',
      `${ratio(fsSqlite?.rpsVsBaseline, 3)} (by CPU per request: ${ratio(base && fsSqlite && base.cpu / fsSqlite.cpu, 3)})`,
      fsSqlite?.rpsVsBaseline === undefined ? undefined : fsSqlite.rpsVsBaseline >= 0.6,
    ],
    [
      'first sight on SQLite adds < 100 µs at p50 (1 connection)',
      signed(fsSqlite?.addedP50),
      fsSqlite?.addedP50 === undefined ? undefined : fsSqlite.addedP50 < 100,
    ],
    [
      `${report.million ? int(report.million.keys) : '1,000,000'} keys within 1.1 × of 1,000 (p50 at 1 connection)`,
      ratio(off1k && off1m && off1m.latencyP50 / off1k.latencyP50, 3),
      off1k && off1m ? off1m.latencyP50 / off1k.latencyP50 <= 1.1 : undefined,
    ],
    [
      `${report.million ? int(report.million.keys) : '1,000,000'} keys within 1.1 × of 1,000 (req/s)`,
      ratio(off1k && off1m && off1k.rps / off1m.rps, 3),
      off1k && off1m ? off1k.rps / off1m.rps <= 1.1 : undefined,
    ],
    [
      '≥ 15 × better-auth with WAL (cached req/s)',
      `${ratio(cached && baWal && cached.rps / baWal.rps, 1)} (CPU per request: ${ratio(cached && baWal && baWal.cpu / cached.cpu, 1)})`,
      cached && baWal ? cached.rps / baWal.rps >= 15 : undefined,
    ],
    [
      '≥ 100 × better-auth as documented (cached req/s)',
      `${ratio(cached && baDoc && cached.rps / baDoc.rps, 1)} (CPU per request: ${ratio(cached && baDoc && baDoc.cpu / cached.cpu, 1)})`,
      cached && baDoc ? cached.rps / baDoc.rps >= 100 : undefined,
    ],
    [
      '`onepin --version` < 1.5 × `node -e 0`',
      version?.medianMs != null && floor ? ratio(version.medianMs / floor) : (version?.note ?? '—'),
      version?.medianMs != null && floor ? version.medianMs / floor < 1.5 : undefined,
    ],
  ];
  out.push(
    '## Targets',
    '',
    table(
      ['target', 'measured', 'met'],
      targets.map(([t, m, ok]) => [t, m, check(ok)]),
    ),
    '',
  );

  const flushed = report.modes.flatMap((m) => m.flushes).filter((f) => f.keys > 0);
  const flushKeys = flushed.reduce((n, f) => n + f.keys, 0);
  const flushCpu = flushed.reduce((n, f) => n + f.cpuMicros, 0);
  out.push(
    '## How to read this',
    '',
    '- The baseline is the production `buildApp` (request id, logging, route guards, envelopes, error ' +
      'handler) built by the harness with its own `credential` check, one that sets a fixed principal ' +
      'instead of authenticating: the same server with authentication switched off.',
    '- First sight: each request carries a key stored in advance (hash only) and never sent before, so ' +
      'the server verifies it in the database and caches it; the harness stores more keys between rounds ' +
      'when a round could use up the ones left.',
    '- OnePin batches `last_used_at` writes (once a minute in production). The harness flushes them ' +
      'between rounds, outside the measured window' +
      (flushKeys
        ? `: ${int(flushKeys)} keys written at ${(flushCpu / flushKeys).toFixed(1)} µs of server CPU per key.`
        : '.'),
    '- Load-generator CPU is recorded per run in `bench/.runs/<run>/results.json`; near 100 % of a core ' +
      'means autocannon, not the server, set the pace of that run.',
    ...report.notes.map((n) => `- ${n}`),
    '',
    HAND_START,
    '_(hand-written notes go here; `npm run bench` keeps this section)_',
    HAND_END,
    '',
  );
  return out.join('\n');
}

/** Writes RESULTS.md, keeping the hand-written section of the file it replaces. */
export function writeResults(path: string, markdown: string): void {
  let text = markdown;
  if (existsSync(path)) {
    const previous = readFileSync(path, 'utf8');
    const start = previous.indexOf(HAND_START);
    const end = previous.indexOf(HAND_END);
    if (start !== -1 && end > start) {
      const kept = previous.slice(start, end + HAND_END.length);
      text = markdown.replace(new RegExp(`${HAND_START}[\\s\\S]*${HAND_END}`), () => kept);
    }
  }
  writeFileSync(path, text);
}
