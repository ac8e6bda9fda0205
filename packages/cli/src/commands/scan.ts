import { SERVICE_TOKEN_PREFIX } from '@onepin/core';
import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { confirmDestructive } from '../prompt/confirm.js';
import type { ScanMode } from '../scan/scan.js';
import type { ScanFinding } from '../scan/scan-finding.js';

export interface ScanOptions {
  staged?: boolean;
  history?: boolean;
  /** `false` with --tracked-only. */
  untracked?: boolean;
  /** Report the keys found to the server's public revocation endpoint (asks first). */
  revoke?: boolean;
  yes?: boolean;
}

/** Untracked files named in the summary; more are counted. */
const UNTRACKED_NAMED = 5;

/** `onepin scan`: finds OnePin keys in files, staged changes or git history (SPEC §8). */
export function scanCommand(ctx: CliContext): Command {
  return new Command('scan')
    .description(
      'Find OnePin API keys and service tokens in files, staged changes or git history (exit 1 when one is found)',
    )
    .argument(
      '[paths...]',
      'files or directories to scan (default: the git work tree — tracked files and untracked ones git does not ignore)',
    )
    .option('--staged', 'scan the staged changes (for a pre-commit hook)')
    .option('--history', 'scan every commit of the git history')
    .option('--tracked-only', 'leave out the untracked files (by default they are scanned too)')
    .option(
      '--revoke',
      'revoke the keys found: report them to the server (--base-url) for revocation; asks first',
    )
    .option('-y, --yes', 'with --revoke: do not ask for confirmation')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  onepin scan                 # tracked and untracked (not ignored) files of this repository',
        '  onepin scan --staged        # in .git/hooks/pre-commit',
        '  onepin scan --history       # everything ever committed',
        '  onepin scan config/ .env    # given files and directories',
        '  onepin scan --revoke        # and report what it finds for revocation (asks first)',
        '',
        'When a key is found and you are logged in (onepin login, ONEPIN_API_KEY), the keys of',
        'your workspace are listed to name the found key by its id. Only previews are compared:',
        'the key itself is never sent anywhere.',
        '',
        'Service tokens (op_svc_…) are found too; --revoke never sends them anywhere: revoke',
        'them on their server (onepin-server admin revoke-service-token ID, or the dashboard).',
      ].join('\n'),
    )
    .action(async (paths: string[], options: { trackedOnly?: boolean } & ScanOptions) => {
      ctx.exitCode = await scanRun(ctx, paths, {
        ...options,
        untracked: options.trackedOnly !== true,
      });
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
        : { kind: 'worktree', untracked: options.untracked !== false };
  // Loaded here: git and file walking are not needed to start the CLI.
  const { scan } = await import('../scan/scan.js');
  let result: Awaited<ReturnType<typeof scan>>;
  try {
    result = await scan(mode, ctx.io.cwd);
  } catch (error) {
    throw new CliError('SCAN_FAILED', (error as Error).message);
  }
  const { scope, untracked } = result;
  const { out } = ctx;
  const anyApiKey = result.findings.some((f) => f.type !== 'service');
  const ids = anyApiKey ? await keyIdsByPreview(ctx) : null;
  const findings = result.findings.map((finding) => {
    const [only, ...more] = ids?.get(finding.preview) ?? [];
    return only && more.length === 0 ? { ...finding, key_id: only } : finding;
  });
  out.data({ findings, scope, untracked_files: untracked }, () => ({
    headers: ['LOCATION', 'KEY'],
    rows: findings.map((f) => [
      location(f),
      f.type === 'service' ? `${f.preview} (service token)` : f.preview,
    ]),
  }));
  if (untracked.length > 0) {
    const named = untracked.slice(0, UNTRACKED_NAMED).join(', ');
    const more =
      untracked.length > UNTRACKED_NAMED ? ` and ${untracked.length - UNTRACKED_NAMED} more` : '';
    out.message(
      `Untracked files scanned too (git does not ignore them; --tracked-only skips them): ${named}${more}.`,
    );
  }
  if (findings.length === 0) {
    out.success(`No OnePin keys found in ${scope}.`);
    return EXIT.ok;
  }
  const one = findings.length === 1;
  const keyFindings = findings.filter((f) => f.type !== 'service');
  const tokenFindings = findings.filter((f) => f.type === 'service');
  out.message(
    out.messageColors.red(
      `Found ${foundWhat(keyFindings.length, tokenFindings.length)} in ${scope}. Revoke ${one ? 'it' : 'them'}, then remove ${one ? 'it' : 'them'} from the code${mode.kind === 'history' ? ' and the history' : ''}:`,
    ),
  );
  // Service tokens are the instance's own: the public revocation endpoint is for API keys,
  // so they are never sent there; their instance admin revokes them.
  for (const line of tokenRemediation(tokenFindings)) out.message(`  ${line}`);
  const keys = result.keys.filter((key) => !key.startsWith(SERVICE_TOKEN_PREFIX));
  if (options.revoke) {
    if (keys.length > 0) await revokeFound(ctx, keys, options.yes);
    else out.message('  No API key to report for revocation (service tokens are not reported).');
  } else if (keyFindings.length > 0) {
    for (const line of remediation(keyFindings, ids)) out.message(`  ${line}`);
    const oneKey = keyFindings.length === 1;
    out.message(`  or report ${oneKey ? 'it' : 'them all'} for revocation: onepin scan --revoke`);
  }
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
  const one = keys.length === 1;
  const count = `${keys.length} key${one ? '' : 's'}`;
  await confirmDestructive(ctx.io, {
    yes,
    action: `report ${count} to ${baseUrl} for revocation`,
    question: () =>
      `Revoke the ${count} found, by reporting ${one ? 'it' : 'them'} to ${baseUrl}? Whatever uses ${one ? 'it' : 'them'} stops working.`,
    declined: 'nothing was reported',
  });
  const { loadSdk } = await import('../api/sdk.js');
  const { revokeCredentials } = await loadSdk();
  await revokeCredentials(keys, { baseUrl, fetch: ctx.deps.client?.fetch });
  ctx.out.success(
    `Reported ${count} to ${baseUrl}: each one that is a live key there is revoked now (the answer never says which were).`,
  );
}

/** `1 OnePin key`, `2 OnePin keys and 1 service token`, `1 OnePin service token`. */
function foundWhat(keys: number, tokens: number): string {
  const keyText = `${keys} OnePin key${keys === 1 ? '' : 's'}`;
  const tokenText = `${tokens} ${keys === 0 ? 'OnePin ' : ''}service token${tokens === 1 ? '' : 's'}`;
  if (tokens === 0) return keyText;
  return keys === 0 ? tokenText : `${keyText} and ${tokenText}`;
}

/** How to revoke found service tokens: on their server, by an instance admin. */
function tokenRemediation(findings: readonly ScanFinding[]): string[] {
  const previews = [...new Set(findings.map((f) => f.preview))];
  return previews.map(
    (preview) =>
      `${preview} (service token): revoke it on its server: onepin-server admin revoke-service-token ID (onepin-server admin list-service-tokens shows the id by its preview), or in the dashboard (Settings → Service tokens, instance admins)`,
  );
}

function location(finding: ScanFinding): string {
  const commit = finding.commit ? `${finding.commit.slice(0, 12)}:` : '';
  return `${commit}${finding.file}:${finding.line}:${finding.column}${finding.untracked ? ' (untracked)' : ''}`;
}

/** One line per key found: the exact revoke command when the key's id is known. */
function remediation(
  findings: readonly ScanFinding[],
  ids: ReadonlyMap<string, string[]> | null,
): string[] {
  const previews = [...new Set(findings.map((f) => f.preview))];
  if (ids === null) {
    return [
      `onepin keys revoke ID   (the key's id, name or preview: ${previews.join(', ')}; log in to have the ids looked up)`,
    ];
  }
  return previews.map((preview) => {
    const matches = ids.get(preview) ?? [];
    if (matches.length === 1) return `${preview}: onepin keys revoke ${matches[0]}`;
    if (matches.length > 1) {
      return `${preview} matches ${matches.length} keys of your workspace: ${matches.join(', ')}; revoke the leaked one (onepin keys show ID).`;
    }
    return `${preview}: not a key of the workspace you are logged in to; revoke it where it was made.`;
  });
}

/**
 * The ids of the logged-in workspace's keys by preview, or `null` when there is no key to
 * ask with or the server cannot say (scan still works offline). Only the list of keys is
 * read; a found key is compared by its preview and never sent.
 */
async function keyIdsByPreview(ctx: CliContext): Promise<Map<string, string[]> | null> {
  try {
    await ctx.credentials();
  } catch {
    return null;
  }
  try {
    const client = await ctx.client();
    const ids = new Map<string, string[]>();
    for await (const key of client.apiKeys.list({ status: 'all', limit: 100 })) {
      ids.set(key.preview, [...(ids.get(key.preview) ?? []), key.id]);
    }
    return ids;
  } catch (error) {
    ctx.debug(`Could not look up the keys' ids: ${(error as Error).message}`);
    return null;
  }
}
