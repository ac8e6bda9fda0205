import { arch, hostname, release, type } from 'node:os';
import type { DeviceToken } from '@onepin/sdk';
import pkg from '../../../package.json' with { type: 'json' };
import { loadSdk } from '../../api/sdk.js';
import type { CliContext } from '../../context.js';
import type { CredentialsFile } from '../../credentials/file.js';
import { CancelledError, CliError } from '../../errors.js';
import { formatLoggedIn } from './logged-in.js';
import { openBrowser } from './open-browser.js';

/** Where `login --web` saves, and against which server. */
export interface WebLoginTarget {
  file: CredentialsFile;
  profile: string;
  baseUrl: string;
  /** Where the base URL came from, for messages (`--base-url`, the default…). */
  baseUrlFrom: string;
  /** Whether the base URL is the default (then it is not saved with the profile). */
  defaultBaseUrl: boolean;
  /** `--no-browser`: print the URL, never open it. */
  openBrowser: boolean;
}

/** What the device tells the approval page about itself: the member decides on it. */
function deviceDetails() {
  return {
    clientName: 'onepin',
    clientVersion: pkg.version,
    hostName: hostname(),
    os: `${type()} ${release()} ${arch()}`,
  };
}

/**
 * `onepin login --web`: signs in through the browser (RFC 8628). Prints the code and the page
 * to approve it at, opens the page when it can, polls at the server's interval (slowing down
 * when told), and saves the key the approval made to the profile, marked as made by device
 * login so `onepin logout` revokes it. Ctrl-C stops waiting (exit 130); nothing is saved.
 */
export async function webLoginRun(ctx: CliContext, target: WebLoginTarget): Promise<void> {
  const { io, out } = ctx;
  const { DeviceLogin, APIError } = await loadSdk();
  const options = ctx.deps.client ?? {};
  const interrupt = new AbortController();
  const release = io.onInterrupt?.(() => interrupt.abort());
  let key: DeviceToken;
  try {
    // The target is named for errors (a refused connection says which server).
    ctx.useTarget({
      baseUrl: target.baseUrl,
      baseUrlFrom: target.baseUrlFrom,
      keyFrom: 'the browser sign-in',
    });
    const login = await DeviceLogin.start({
      baseUrl: target.baseUrl,
      fetch: options.fetch,
      sleep: options.sleep,
      maxRetries: options.maxRetries,
      device: deviceDetails(),
      signal: interrupt.signal,
    });
    const minutes = Math.round((login.expiresAt - Date.now()) / 60_000);
    out.message(`First copy your one-time code: ${login.userCode}`);
    out.message(
      `Then approve this computer in the browser (the code works for ${minutes} minutes):`,
    );
    out.message(`  ${login.verificationUriComplete}`);
    const opened =
      target.openBrowser &&
      io.stdinIsTTY &&
      io.stderrIsTTY &&
      (await (ctx.deps.openBrowser ?? defaultOpener(io.env))(login.verificationUriComplete));
    out.message(
      opened
        ? 'Opened it in your browser. Waiting for approval… (Ctrl-C to cancel)'
        : 'Open it in a browser on any device. Waiting for approval… (Ctrl-C to cancel)',
    );
    key = await login.waitForKey({
      signal: interrupt.signal,
      onPoll: ({ status, interval }) => {
        if (status === 'slow_down') ctx.debug(`The server asked to poll every ${interval} s.`);
      },
    });
  } catch (error) {
    if (interrupt.signal.aborted) {
      throw new CancelledError('Cancelled: nothing was saved (the code stops working on its own).');
    }
    if (error instanceof APIError) throw deviceLoginError(error.code, error.requestId);
    throw error;
  } finally {
    release?.();
  }

  const { path } = await target.file.saveProfile(target.profile, {
    apiKey: key.api_key,
    baseUrl: target.defaultBaseUrl ? undefined : target.baseUrl,
    createdVia: 'device_login',
  });
  const client = await ctx.connect({
    apiKey: key.api_key,
    baseUrl: target.baseUrl,
    baseUrlFrom: target.baseUrlFrom,
    keyFrom: 'the browser sign-in',
  });
  const me = await client.auth.whoami();
  out.data({ profile: target.profile, path, base_url: client.baseUrl, ...me }, () => '');
  formatLoggedIn(out, {
    me,
    apiKey: key.api_key,
    path,
    profile: target.profile,
    baseUrl: client.baseUrl,
  });
  if (key.expires_at) {
    out.message(
      `  The key expires on ${key.expires_at.slice(0, 10)}; \`onepin logout\` revokes it sooner.`,
    );
  }
}

/** What each refusal of the sign-in means for the person at the terminal. */
function deviceLoginError(code: string, requestId: string | null | undefined): CliError {
  const again = 'Run `onepin login --web` again to start over.';
  const messages: Record<string, string> = {
    ACCESS_DENIED: 'The sign-in was denied in the browser. Nothing was saved.',
    EXPIRED_TOKEN: 'The code expired before anyone approved it. Nothing was saved.',
    INVALID_GRANT: 'The code can no longer be used. Nothing was saved.',
  };
  return new CliError(code, messages[code] ?? `The sign-in failed (${code}). Nothing was saved.`, {
    requestId,
    hint: again,
  });
}

function defaultOpener(env: Readonly<Record<string, string | undefined>>) {
  return (url: string) => openBrowser(url, { platform: process.platform, env });
}
