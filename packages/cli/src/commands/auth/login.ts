import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { checkApiKey, checkBaseUrl } from '../../credentials/check.js';
import { loadCredentialsFile } from '../../credentials/file.js';
import {
  baseUrlSourceLabel,
  fromEnv,
  resolveBaseUrl,
  resolveProfile,
} from '../../credentials/resolve.js';
import { CancelledError, UsageError } from '../../errors.js';
import { readLine } from '../../prompt/read-line.js';
import { formatLoggedIn } from './logged-in.js';
import { webLoginRun } from './login-web.js';
import { readKeyForLogin } from './read-key.js';

export interface LoginOptions {
  key?: string | undefined;
  /** `--web`: sign in through the browser instead of pasting a key. */
  web?: boolean | undefined;
  /** `--no-browser` sets it false: print the approval URL, never open it. */
  browser?: boolean | undefined;
}

/** `onepin login`: checks a key with the server, then saves it in the credentials file. */
export function createLoginCommand(ctx: CliContext, run = loginRun): Command {
  return new Command('login')
    .description(
      'Sign in through the browser (--web), or check an API key with the server, and save the key in ~/.onepin/credentials',
    )
    .option('--web', 'sign in through the browser: approve this computer in the dashboard')
    .option('--no-browser', 'with --web: print the approval URL instead of opening a browser')
    .option('--key <key>', 'the key (default: a hidden prompt, or stdin when it is not a terminal)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  onepin login --web                             # approve this computer in the browser',
        '  onepin login --web --no-browser                # over SSH: open the URL anywhere',
        '  onepin login                                   # on a terminal: asks which way',
        '  onepin login --key "$ONEPIN_API_KEY"',
        '  pass show onepin | onepin login --profile staging --base-url https://onepin.example.com',
        '',
        '--web prints a one-time code and a URL; once a member approves it in the dashboard, the',
        'key it made (named "CLI on <host>", 90 days by default) is saved, and `onepin logout`',
        'revokes it. A pasted key is checked (prefix, checksum) before anything is sent, then',
        'with the server; only a key the server accepts is saved. --base-url is saved with the',
        'profile.',
      ].join('\n'),
    )
    .action((options: LoginOptions) => run(ctx, options));
}

/** Reads the key, checks it locally and with the server, then saves it to the profile. */
export async function loginRun(ctx: CliContext, options: LoginOptions): Promise<void> {
  const { global, io, out } = ctx;
  const file = await loadCredentialsFile();
  const profile = resolveProfile({ ...global, env: io.env }, file);
  // Everything that can be wrong without the key is checked before the key is asked for:
  // an unsafe or malformed file, the server's address.
  const existing = await file.readProfile({ profile });

  const { baseUrl, baseUrlSource } = await resolveBaseUrl(
    { ...global, env: io.env },
    async () => existing?.baseUrl,
  );
  const baseUrlFrom = baseUrlSourceLabel(baseUrlSource, profile, file.credentialsPath());
  checkBaseUrl(baseUrl, baseUrlFrom);

  const keyGiven = options.key !== undefined || global.apiKey !== undefined;
  if (options.web && keyGiven) {
    throw new UsageError('Pass --web or a key (--key, --api-key), not both.');
  }
  if (options.browser === false && !options.web) {
    throw new UsageError('--no-browser goes with --web.');
  }
  if (options.web || (!keyGiven && (await choosesBrowser(ctx)))) {
    await webLoginRun(ctx, {
      file,
      profile,
      baseUrl,
      baseUrlFrom,
      defaultBaseUrl: baseUrlSource === 'default',
      openBrowser: options.browser !== false,
    });
    warnIfEnvironmentKey(ctx);
    return;
  }

  const { key, from } = await readKeyForLogin(
    io,
    { key: options.key, apiKey: global.apiKey },
    baseUrl,
  );
  checkApiKey(key, from);

  const client = await ctx.connect({
    apiKey: key,
    baseUrl,
    keyFrom: from,
    baseUrlFrom,
    whenRefused:
      'Nothing was saved. Check that the whole key was copied and that it is still active.',
  });
  const me = await client.auth.whoami();
  const { path } = await file.saveProfile(profile, {
    apiKey: key,
    // Whatever named a server is kept with the key; the default is left implicit.
    baseUrl: baseUrlSource === 'default' ? undefined : baseUrl,
  });

  out.data({ profile, path, base_url: client.baseUrl, ...me }, () => '');
  formatLoggedIn(out, { me, apiKey: key, path, profile, baseUrl: client.baseUrl });
  warnIfEnvironmentKey(ctx);
}

function warnIfEnvironmentKey(ctx: CliContext): void {
  if (fromEnv(ctx.io.env, 'ONEPIN_API_KEY')) {
    ctx.out.warn(
      'ONEPIN_API_KEY is set in this environment: it takes precedence over the saved key.',
    );
  }
}

/**
 * At a terminal, with no key given: offer the browser first, as gh does (Enter takes it);
 * `n` goes on to paste a key. Off a terminal the key is read from stdin as before.
 */
async function choosesBrowser(ctx: CliContext): Promise<boolean> {
  const { io } = ctx;
  if (!io.stdinIsTTY || !io.stderrIsTTY) return false;
  io.stderr.write('Log in through the browser? [Y/n] (n: paste an API key instead) ');
  const answer = await readLine(io.stdin);
  if (answer === null) {
    io.stderr.write('\n');
    throw new CancelledError('Cancelled: nothing was saved.');
  }
  return !/^\s*n(o)?\s*$/i.test(answer);
}
