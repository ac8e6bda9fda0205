import { existsSync } from 'node:fs';
import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { loadCredentialsFile } from '../../credentials/file.js';
import { fromEnv, resolveProfile } from '../../credentials/resolve.js';

/** `onepin logout`: forgets a profile's key locally; never revokes it. */
export function createLogoutCommand(ctx: CliContext, run = logoutRun): Command {
  return new Command('logout')
    .description(
      'Remove the profile from ~/.onepin/credentials (the key is not revoked; other profiles stay)',
    )
    .action(() => run(ctx));
}

/** Removes the profile's table (if any) and says what it did; exit 0 either way. */
export async function logoutRun(ctx: CliContext): Promise<void> {
  const { out, io } = ctx;
  const file = await loadCredentialsFile();
  const profile = resolveProfile({ ...ctx.global, env: io.env }, file);
  const path = file.credentialsPath();
  const removed = await file.removeProfile(profile);
  const fileRemoved = removed && !existsSync(path);
  out.data({ profile, path, removed, file_removed: fileRemoved }, () => '');
  if (removed) {
    out.success(
      `Removed profile "${profile}" from ${path}${fileRemoved ? ' (it was the last one: the file is gone)' : ''}.`,
    );
    out.message(
      'The key itself still works: revoke it with `onepin keys revoke ID` if no one needs it.',
    );
  } else {
    out.message(`Nothing to do: no profile "${profile}" in ${path}.`);
  }
  if (fromEnv(io.env, 'ONEPIN_API_KEY')) {
    out.warn('ONEPIN_API_KEY is still set in this environment: commands keep using that key.');
  }
}
