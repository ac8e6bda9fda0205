import { existsSync } from 'node:fs';
import { parseApiKey } from '@onepin/core';
import type { StoredProfile } from '@onepin/sdk/credentials';
import { Command } from 'commander';
import { loadSdk } from '../../api/sdk.js';
import type { CliContext } from '../../context.js';
import { loadCredentialsFile } from '../../credentials/file.js';
import {
  baseUrlSourceLabel,
  fileLabel,
  fromEnv,
  resolveBaseUrl,
  resolveProfile,
} from '../../credentials/resolve.js';
import { CliError } from '../../errors.js';

/** What logout did with the key on the server. */
type Revocation =
  /** Device login made it: revoked now. */
  | 'revoked'
  /** Device login made it, but it no longer worked (revoked or expired already). */
  | 'already_inactive'
  /** The profile said device login, the server said otherwise: left alone. */
  | 'not_device_login'
  /** Pasted or given: never revoked by logout. */
  | 'kept'
  | null;

/** `onepin logout`: forgets a profile's key; revokes it on the server if device login made it. */
export function createLogoutCommand(ctx: CliContext, run = logoutRun): Command {
  return new Command('logout')
    .description(
      'Remove the profile from ~/.onepin/credentials, revoking its key on the server if `onepin login --web` made it (a pasted key is never revoked; other profiles stay)',
    )
    .action(() => run(ctx));
}

/**
 * Revokes the profile's key on the server when device login made it (`created_via`), then
 * removes the profile's table (if any) and says what it did. A pasted key is never revoked.
 * When the server cannot be reached to revoke a device-login key, nothing is removed (exit 1),
 * so the key is not forgotten while it still works.
 */
export async function logoutRun(ctx: CliContext): Promise<void> {
  const { out, io } = ctx;
  const file = await loadCredentialsFile();
  const profile = resolveProfile({ ...ctx.global, env: io.env }, file);
  const path = file.credentialsPath();
  const stored = await file.readProfile({ profile, allowLooseMode: true });
  let revocation: Revocation = null;
  if (stored?.apiKey && stored.createdVia === 'device_login') {
    revocation = await revokeDeviceKey(ctx, { ...stored, apiKey: stored.apiKey });
  } else if (stored?.apiKey) {
    revocation = 'kept';
  }
  const removed = await file.removeProfile(profile);
  const fileRemoved = removed && !existsSync(path);
  out.data({ profile, path, removed, file_removed: fileRemoved, key: revocation }, () => '');
  if (removed) {
    out.success(
      `Removed profile "${profile}" from ${path}${fileRemoved ? ' (it was the last one: the file is gone)' : ''}.`,
    );
  } else {
    out.message(`Nothing to do: no profile "${profile}" in ${path}.`);
  }
  const said: Record<Exclude<Revocation, null>, () => void> = {
    revoked: () => out.success('Revoked its key on the server (`onepin login --web` made it).'),
    already_inactive: () =>
      out.message('Its key had already stopped working on the server (revoked or expired).'),
    not_device_login: () =>
      out.warn(
        'The server did not revoke its key: it was not made by `onepin login --web`. Revoke it in the dashboard or with `onepin keys revoke ID` if no one needs it.',
      ),
    kept: () =>
      out.message(
        'The key itself still works (it was pasted, not made by `onepin login --web`): revoke it with `onepin keys revoke ID` if no one needs it.',
      ),
  };
  if (revocation !== null) said[revocation]();
  if (fromEnv(io.env, 'ONEPIN_API_KEY')) {
    out.warn('ONEPIN_API_KEY is still set in this environment: commands keep using that key.');
  }
}

/** `DELETE /api/v1/auth/key` with the profile's own key, against the profile's server. */
async function revokeDeviceKey(
  ctx: CliContext,
  stored: StoredProfile & { apiKey: string },
): Promise<Revocation> {
  const { apiKey, profile, path } = stored;
  const { baseUrl, baseUrlSource } = await resolveBaseUrl(
    { ...ctx.global, env: ctx.io.env },
    async () => stored.baseUrl,
  );
  // A key that is not even well-formed cannot be working anywhere: nothing to revoke.
  if (parseApiKey(apiKey) === null) return 'already_inactive';
  const { AuthenticationError, PermissionDeniedError, APIError } = await loadSdk();
  try {
    const client = await ctx.connect({
      apiKey,
      baseUrl,
      keyFrom: fileLabel(profile, path),
      baseUrlFrom: baseUrlSourceLabel(baseUrlSource, profile, path),
    });
    await client.auth.revokeCurrentKey();
    return 'revoked';
  } catch (error) {
    if (error instanceof AuthenticationError) return 'already_inactive';
    if (error instanceof PermissionDeniedError) return 'not_device_login';
    const reason = error instanceof APIError ? `${error.code}: ${error.message}` : String(error);
    throw new CliError(
      'REVOKE_FAILED',
      `Not logged out: could not revoke on ${baseUrl} the key \`onepin login --web\` made (${reason}). Nothing was removed.`,
      { hint: 'Run `onepin logout` again when the server can be reached.' },
    );
  }
}
