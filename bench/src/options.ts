import { parseArgs } from 'node:util';

export const MODE_IDS = [
  'baseline',
  'cached',
  'first-sight-sqlite',
  'first-sight-postgres',
  'cache-off-1k',
  'cache-off-1m',
  'better-auth-documented',
  'better-auth-wal',
] as const;
export type ModeId = (typeof MODE_IDS)[number];

export interface BenchOptions {
  /** Measured rounds per mode; every figure is the median over them. */
  rounds: number;
  /** Seconds per round at 50 connections. */
  seconds: number;
  /** Seconds per round at one connection (the added-latency table). */
  latencySeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Keys in the big table (1,000,000; `--quick` uses 100,000). */
  millionKeys: number;
  modes: readonly ModeId[];
  /** Modes whose server runs with `--cpu-prof`. */
  profile: readonly ModeId[];
  cliRuns: number;
  quick: boolean;
  /** Keep the run's databases (hundreds of MB) in bench/.runs/<run>/ instead of deleting them. */
  keepData: boolean;
  /** Re-render RESULTS.md from this run directory's results.json instead of measuring. */
  render: string | undefined;
  /** Where RESULTS.md goes; `undefined` writes into the run's directory only. */
  out: string | undefined;
}

export const USAGE = `npm run bench [-- options]

  --quick            a smoke run (~1.5 min): 2 rounds of 2 s, 100,000 keys instead of 1,000,000;
                     writes bench/.runs/<run>/RESULTS.md and leaves bench/RESULTS.md alone
  --rounds N         measured rounds per mode (default 5)
  --seconds S        seconds per round at 50 connections (default 4; half that at 1 connection)
  --only a,b         run only these modes (${MODE_IDS.join(', ')})
  --profile a,b      start these modes' servers with --cpu-prof (profiles in bench/.runs/<run>/profiles)
  --out PATH         write the results there (default: bench/RESULTS.md for a full run)
  --keep-data        keep the run's databases in bench/.runs/<run>/ (deleted by default)
  --render DIR       measure nothing: rewrite RESULTS.md from DIR/results.json (after editing report.ts)
  --help`;

export function parseOptions(argv: readonly string[], defaultOut: string): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      seconds: { type: 'string' },
      only: { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
      'keep-data': { type: 'boolean', default: false },
      render: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  const quick = values.quick ?? false;
  const modes = values.only ? modeList(values.only) : MODE_IDS;
  const seconds = positive(values.seconds, 'seconds') ?? (quick ? 2 : 4);
  const partial = quick || modes.length < MODE_IDS.length;
  return {
    rounds: positive(values.rounds, 'rounds') ?? (quick ? 2 : 5),
    seconds,
    latencySeconds: Math.max(1, Math.round(seconds / 2)),
    warmupSeconds: quick ? 1 : 2,
    connections: 50,
    millionKeys: quick ? 100_000 : 1_000_000,
    modes,
    profile: values.profile ? modeList(values.profile) : [],
    cliRuns: quick ? 5 : 15,
    quick,
    keepData: values['keep-data'] ?? false,
    render: values.render,
    out: values.out ?? (partial ? undefined : defaultOut),
  };
}

function modeList(list: string): ModeId[] {
  const ids = list.split(',').map((s) => s.trim());
  for (const id of ids) {
    if (!(MODE_IDS as readonly string[]).includes(id)) {
      throw new Error(`unknown mode "${id}"; modes: ${MODE_IDS.join(', ')}`);
    }
  }
  return ids as ModeId[];
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
}
