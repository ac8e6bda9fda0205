import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import type { ScanMode } from '../scan/scan.js';

export interface ScanOptions {
  staged?: boolean;
  history?: boolean;
}

/** `onepin scan`: finds OnePin keys in files, staged changes or git history (SPEC §8). */
export function scanCommand(ctx: CliContext): Command {
  return new Command('scan')
    .description(
      'Find OnePin API keys in files, staged changes or git history (exit 1 when one is found)',
    )
    .argument(
      '[paths...]',
      'files or directories to scan (default: the git repository’s tracked files)',
    )
    .option('--staged', 'scan the staged changes (for a pre-commit hook)')
    .option('--history', 'scan every commit of the git history')
    .addHelpText(
      'after',
      '\nExamples:\n  onepin scan                 # tracked files of this repository\n  onepin scan --staged        # in .git/hooks/pre-commit\n  onepin scan --history       # everything ever committed\n  onepin scan config/ .env    # given files and directories',
    )
    .action(async (paths: string[], options: ScanOptions) => {
      ctx.exitCode = await scanRun(ctx, paths, options);
    });
}

/** Scans as the options say, prints the findings (never a key), and returns the exit code. */
export async function scanRun(
  ctx: CliContext,
  paths: string[],
  options: ScanOptions,
): Promise<number> {
  const modes = [paths.length > 0, options.staged === true, options.history === true].filter(
    Boolean,
  ).length;
  if (modes > 1) throw new UsageError('pass paths, --staged or --history, not several');
  const mode: ScanMode = options.staged
    ? { kind: 'staged' }
    : options.history
      ? { kind: 'history' }
      : paths.length > 0
        ? { kind: 'paths', paths }
        : { kind: 'tracked' };
  // Loaded here: git and file walking are not needed to start the CLI.
  const { scan } = await import('../scan/scan.js');
  let result: Awaited<ReturnType<typeof scan>>;
  try {
    result = await scan(mode, ctx.io.cwd);
  } catch (error) {
    throw new CliError('SCAN_FAILED', (error as Error).message);
  }
  const { findings, scope } = result;
  const { out } = ctx;
  out.data({ findings, scope }, () => ({
    headers: ['LOCATION', 'KEY'],
    rows: findings.map((f) => [
      `${f.commit ? `${f.commit.slice(0, 12)}:` : ''}${f.file}:${f.line}:${f.column}`,
      f.preview,
    ]),
  }));
  if (findings.length === 0) {
    out.success(`No OnePin keys found in ${scope}.`);
    return EXIT.ok;
  }
  out.message(
    out.colors.red(
      `Found ${findings.length} OnePin key${findings.length === 1 ? '' : 's'} in ${scope}. Revoke ${findings.length === 1 ? 'it' : 'them'} (onepin keys revoke ID) and remove ${findings.length === 1 ? 'it' : 'them'} from the code${mode.kind === 'history' ? ' and the history' : ''}.`,
    ),
  );
  return EXIT.error;
}
