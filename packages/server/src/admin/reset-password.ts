import type { ServerConfig } from '../config.js';
import { issuePasswordLinkForEmail } from '../services/password-links.js';
import { withAdminDeps } from './admin-context.js';
import { printPasswordLink } from './create-user.js';

/**
 * `onepin-server admin reset-password --email E`: prints a fresh one-time link that sets
 * the account's password; the account's earlier links stop working. The password itself
 * changes only when the link is used (and then every session of the account ends).
 */
export async function resetPasswordCommand(
  config: ServerConfig,
  options: { email: string; json: boolean },
  print: (line: string) => void,
): Promise<void> {
  const { user, url, expiresAt } = await withAdminDeps(config, (deps) =>
    issuePasswordLinkForEmail(deps, options.email, config.publicUrl),
  );
  if (options.json) {
    print(
      JSON.stringify({
        user: { id: user.id, email: user.email },
        set_password_url: url,
        set_password_expires_at: expiresAt,
      }),
    );
    return;
  }
  printPasswordLink(print, user.email, { url, expiresAt });
}
