import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { confirmDestructive } from '../prompt/confirm.js';
import type { ScanMode } from '../scan/scan.js';

export interface ScanOptions {
  staged?: boolean;
  history?: boolean;
  /** Report the keys found to the server's public revocation endpoint (asks first). */
  revoke?: boolean;
  yes?: boolean;
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
    .option(
      '--revoke',
      'revoke the keys found: report them to the server (--base-url) for revocation; asks first',
    )
    .option('-y, --yes', 'with --revoke: do not ask for confirmation')
    .addHelpText(
      'after',
      '\nExamples:\n  onepin scan                 # tracked files of this repository\n  onepin scan --staged        # in .git/hooks/pre-commit\n  onepin scan --history       # everything ever committed\n  onepin scan config/ .env    # given files and directories\n  onepin scan --history --revoke --base-url https://onepin.example.com',
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
  if (options.yes && !options.revoke) throw new UsageError('--yes goes with --revoke');
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
  const { findings, keys, scope } = result;
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
      `Found ${findings.length} OnePin key${findings.length === 1 ? '' : 's'} in ${scope}. ${options.revoke ? 'Revoke' : 'Revoke (onepin scan --revoke, or onepin keys revoke ID)'} ${findings.length === 1 ? 'it' : 'them'} and remove ${findings.length === 1 ? 'it' : 'them'} from the code${mode.kind === 'history' ? ' and the history' : ''}.`,
    ),
  );
  if (options.revoke) await revokeFound(ctx, keys, options.yes);
  // The keys are still in the files: the scan still fails until they are removed.
  return EXIT.error;
}

/**
 * Reports the keys to the server's public revocation endpoint, which revokes the live ones
 * and tells their workspaces (`api_key.leaked`). No key of one's own is needed: holding the
 * found key is the proof. Asks first (or needs --yes off a terminal): revoking breaks
 * whatever uses the keys.
 */
async function revokeFound(ctx: CliContext, keys: string[], yes: boolean | undefined) {
  const baseUrl = await ctx.serverWithoutKey();
  const count = `${keys.length} key${keys.length === 1 ? '' : 's'}`;
  await confirmDestructive(ctx.io, {
    yes,
    action: `report ${count} to ${baseUrl} for revocation`,
    question: () =>
      `Revoke the ${count} found, by reporting ${keys.length === 1 ? 'it' : 'them'} to ${baseUrl}? Whatever uses ${keys.length === 1 ? 'it' : 'them'} stops working.`,
    declined: 'nothing was reported',
  });
  const { loadSdk } = await import('../api/sdk.js');
  const { revokeCredentials } = await loadSdk();
  await revokeCredentials(keys, { baseUrl, fetch: ctx.deps.client?.fetch });
  ctx.out.success(
    `Reported ${count} to ${baseUrl}: each one that is a live key there is revoked now (the answer never says which were).`,
  );
}
