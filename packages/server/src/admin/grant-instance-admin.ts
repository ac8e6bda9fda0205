import { findUserByEmail, grantInstanceAdmin } from '@onepin/db';
import { ApiError } from '../api-error.js';
import type { ServerConfig } from '../config.js';
import { normalizeEmail } from '../services/accounts.js';
import { isoNow } from '../services/service-deps.js';
import { type AdminOutput, withAdminDeps } from './admin-context.js';

/**
 * `onepin-server admin grant-instance-admin --email E`: makes an existing user an instance
 * admin (they manage the service tokens, in the dashboard and over the API). Their signed-in
 * sessions see it on the next request.
 */
export async function grantInstanceAdminCommand(
  config: ServerConfig,
  options: { email: string; json: boolean },
  out: AdminOutput,
): Promise<void> {
  const email = normalizeEmail(options.email);
  const { user, already } = await withAdminDeps(config, async (deps) => {
    const user = await findUserByEmail(deps.database.db, email);
    if (!user) throw new ApiError('NOT_FOUND', `No user with the email ${email}.`);
    return { user, already: await grantInstanceAdmin(deps.database.db, user.id, isoNow(deps)) };
  });
  if (options.json) {
    out.print(
      JSON.stringify({
        user: { id: user.id, email: user.email, instance_admin: true },
        already_instance_admin: already,
      }),
    );
    return;
  }
  out.printError(
    already
      ? `${user.email} is already an instance admin.`
      : `${user.email} is now an instance admin: they manage the service tokens (dashboard: Settings → Service tokens).`,
  );
}
