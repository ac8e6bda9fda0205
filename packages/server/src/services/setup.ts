import {
  anyUserHasPassword,
  consumeSetupToken,
  countUsers,
  findUsableSetupToken,
} from '@onepin/db';
import { ApiError } from '../api-error.js';
import { sha256Hex } from '../auth/sha256.js';
import { createUserWithWorkspace } from './accounts.js';
import { isoNow, type ServiceDeps } from './service-deps.js';
import { type ClientInfo, createSession, type NewSession } from './sessions.js';

/** Whether the first-run setup page may be used with this token: unused, unexpired, no user yet. */
export async function setupTokenUsable(deps: ServiceDeps, token: string): Promise<boolean> {
  const db = deps.database.db;
  return (
    (await countUsers(db)) === 0 && (await findUsableSetupToken(db, sha256Hex(token), isoNow(deps)))
  );
}

/**
 * How far the first run got: no user yet (open the setup link the server printed), users
 * but no one with a password (open the link `admin create-user` printed, or run
 * `admin reset-password`), or done (sign in).
 */
export async function setupStage(
  deps: ServiceDeps,
): Promise<'no_user' | 'no_password' | 'complete'> {
  const db = deps.database.db;
  if (await anyUserHasPassword(db)) return 'complete';
  return (await countUsers(db)) === 0 ? 'no_user' : 'no_password';
}

export interface SetupInput {
  token: string;
  email: string;
  password: string;
  workspaceName: string;
}

const UNUSABLE = 'This setup link is invalid, expired or already used.';

/**
 * First run (SPEC §1): creates the first admin and workspace and signs them in. The token is
 * consumed in the same transaction that creates the account, and only after every input was
 * checked, so a typo does not burn the one-time link.
 */
export async function completeSetup(
  deps: ServiceDeps,
  input: SetupInput,
  client: ClientInfo,
): Promise<NewSession> {
  // Checked before anything else, so a spent link learns nothing about existing accounts.
  if (!(await setupTokenUsable(deps, input.token))) throw new ApiError('FORBIDDEN', UNUSABLE);
  const { user } = await createUserWithWorkspace(
    deps,
    // The person who sets up the server runs it: they manage its service tokens.
    {
      email: input.email,
      password: input.password,
      workspaceName: input.workspaceName,
      instanceAdmin: true,
    },
    async (trx) => {
      const consumed = await consumeSetupToken(trx, sha256Hex(input.token), isoNow(deps));
      if (!consumed || (await countUsers(trx)) > 0) throw new ApiError('FORBIDDEN', UNUSABLE);
    },
  );
  return createSession(deps, user.id, client);
}
