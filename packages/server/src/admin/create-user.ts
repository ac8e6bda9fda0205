import type { Role } from '@onepin/core';
import { readHidden } from '@onepin/core/hidden-input';
import type { ServerConfig } from '../config.js';
import { createUserWithWorkspace } from '../services/accounts.js';
import { issuePasswordLink } from '../services/password-links.js';
import { checkPassword } from '../services/passwords.js';
import { withAdminDeps } from './admin-context.js';

export interface CreateUserOptions {
  email: string;
  workspace: string;
  password?: string | undefined;
  role?: Role;
  /** May manage the instance's service tokens (issue 14). */
  instanceAdmin?: boolean;
  json: boolean;
}

/**
 * `onepin-server admin create-user`: a user, a workspace, and the user as its admin. Without
 * a password, it prints a one-time link (24 hours) with which the person sets their own:
 * the only way a password-less account gets its first password.
 */
export async function createUserCommand(
  config: ServerConfig,
  options: CreateUserOptions,
  print: (line: string) => void,
): Promise<void> {
  let password = options.password;
  // Asked on a terminal only (SPEC §5): piped or scripted, the user gets a one-time link.
  if (password === undefined && process.stdin.isTTY) {
    password = await readHidden(
      process.stdin,
      process.stderr,
      'Password for the new user (leave empty to print a one-time link instead): ',
    );
    if (password === '') password = undefined;
    else checkPassword(password);
  }
  const { user, workspace, link } = await withAdminDeps(config, async (deps) => {
    const made = await createUserWithWorkspace(deps, {
      email: options.email,
      password,
      workspaceName: options.workspace,
      role: options.role ?? 'admin',
      instanceAdmin: options.instanceAdmin === true,
    });
    const link =
      made.user.password_hash === null
        ? await issuePasswordLink(deps, made.user, config.publicUrl)
        : null;
    return { ...made, link };
  });
  if (options.json) {
    print(
      JSON.stringify({
        user: {
          id: user.id,
          email: user.email,
          has_password: user.password_hash !== null,
          instance_admin: options.instanceAdmin === true,
        },
        workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug },
        set_password_url: link?.url ?? null,
        set_password_expires_at: link?.expiresAt ?? null,
      }),
    );
    return;
  }
  print(
    `Created user ${user.email} (id ${user.id})${user.password_hash ? '' : ' without a password'}${options.instanceAdmin ? ', an instance admin (manages service tokens)' : ''}`,
  );
  print(
    `Created workspace "${workspace.name}" (id ${workspace.id}, slug ${workspace.slug}) with ${user.email} as ${options.role ?? 'admin'}`,
  );
  if (link) printPasswordLink(print, user.email, link);
  print('');
  print(
    `Next: onepin-server admin create-key --workspace ${workspace.id} --name "my key" --scopes workflows:read`,
  );
}

/** The lines that hand a set-password link over (create-user, reset-password). */
export function printPasswordLink(
  print: (line: string) => void,
  email: string,
  link: { url: string; expiresAt: string },
): void {
  print('');
  print(`To sign in to the dashboard, ${email} sets a password with this one-time link`);
  print(
    `(it works once, until ${link.expiresAt}; onepin-server admin reset-password makes a new one):`,
  );
  print(`  ${link.url}`);
}
