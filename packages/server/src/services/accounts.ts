import type { Role } from '@onepin/core';
import {
  type Database,
  findUserByEmail,
  insertMembership,
  insertUser,
  insertWorkspace,
  type Kysely,
  type UserRow,
  type WorkspaceRow,
  workspaceSlugExists,
} from '@onepin/db';
import { ApiError } from '../api-error.js';
import { recordAudit } from './audit.js';
import { checkPassword, hashPassword } from './passwords.js';
import { isoNow, type ServiceDeps } from './service-deps.js';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/;

export function normalizeEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (!EMAIL.test(normalized)) {
    throw new ApiError('VALIDATION_ERROR', undefined, {
      details: [{ field: 'email', message: 'must be an email address' }],
    });
  }
  return normalized;
}

/** A URL-safe slug from a display name: lower-case kebab, 1–50 characters. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'workspace';
}

async function uniqueSlug(deps: ServiceDeps, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 45)}-${n}`;
    if (!(await workspaceSlugExists(deps.database.db, candidate))) return candidate;
  }
}

export interface NewAccount {
  email: string;
  /** Left out for accounts that only use the admin commands and API keys. */
  password?: string | undefined;
  workspaceName: string;
  role?: Role;
  /** May manage the instance's service tokens: the setup user, or `create-user --instance-admin`. */
  instanceAdmin?: boolean;
}

/**
 * Creates a user, a workspace and the membership between them, in one transaction.
 * `guard` runs first inside that transaction (e.g. to consume a one-time setup token),
 * after every input was checked, and aborts it all by throwing.
 */
export async function createUserWithWorkspace(
  deps: ServiceDeps,
  account: NewAccount,
  guard?: (trx: Kysely<Database>) => Promise<void>,
): Promise<{ user: UserRow; workspace: WorkspaceRow }> {
  const email = normalizeEmail(account.email);
  const workspaceName = account.workspaceName.trim();
  if (workspaceName.length < 1 || workspaceName.length > 100) {
    throw new ApiError('VALIDATION_ERROR', undefined, {
      details: [{ field: 'workspace', message: 'must be 1 to 100 characters' }],
    });
  }
  if (account.password !== undefined) checkPassword(account.password);
  if (await findUserByEmail(deps.database.db, email)) {
    throw new ApiError('CONFLICT', `A user with the email ${email} already exists.`);
  }
  const now = isoNow(deps);
  const user: UserRow = {
    id: deps.newId(),
    email,
    password_hash:
      account.password === undefined ? null : await hashPassword(deps, account.password),
    instance_admin: account.instanceAdmin === true ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  const workspace: WorkspaceRow = {
    id: deps.newId(),
    name: workspaceName,
    slug: await uniqueSlug(deps, workspaceName),
    created_by: user.id,
    created_at: now,
    updated_at: now,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await guard?.(trx);
    await insertUser(trx, user);
    await insertWorkspace(trx, workspace);
    await insertMembership(trx, {
      workspace_id: workspace.id,
      user_id: user.id,
      role: account.role ?? 'admin',
      created_at: now,
    });
    await recordAudit(
      trx,
      { newId: deps.newId, now },
      { type: 'user', id: user.id, name: email, workspaceId: workspace.id, userId: user.id },
      {
        action: 'workspace_created',
        environment: 'live',
        target: { type: 'workspace', id: workspace.id },
        metadata: { name: workspace.name },
      },
    );
  });
  return { user, workspace };
}
