import type { Role } from '@onepin/core';
import { readHidden } from '@onepin/core/hidden-input';
import type { ServerConfig } from '../config.js';
import { checkPassword, createUserWithWorkspace } from '../services/accounts.js';
import { withAdminDeps } from './admin-context.js';

export interface CreateUserOptions {
  email: string;
  workspace: string;
  password?: string | undefined;
  role?: Role;
  json: boolean;
}

/** `onepin-server admin create-user`: a user, a workspace, and the user as its admin. */
export async function createUserCommand(
  config: ServerConfig,
  options: CreateUserOptions,
  print: (line: string) => void,
): Promise<void> {
  let password = options.password;
  // Asked on a terminal only (SPEC §5): piped or scripted, the user is made without one.
  if (password === undefined && process.stdin.isTTY) {
    password = await readHidden(
      process.stdin,
      process.stderr,
      'Password for the new user (leave empty for none): ',
    );
    if (password === '') password = undefined;
    else checkPassword(password);
  }
  const { user, workspace } = await withAdminDeps(config, (deps) =>
    createUserWithWorkspace(deps, {
      email: options.email,
      password,
      workspaceName: options.workspace,
      role: options.role ?? 'admin',
    }),
  );
  if (options.json) {
    print(
      JSON.stringify({
        user: { id: user.id, email: user.email, has_password: user.password_hash !== null },
        workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug },
      }),
    );
    return;
  }
  print(
    `Created user ${user.email} (id ${user.id})${user.password_hash ? '' : ' without a password'}`,
  );
  print(
    `Created workspace "${workspace.name}" (id ${workspace.id}, slug ${workspace.slug}) with ${user.email} as admin`,
  );
  print('');
  print(
    `Next: onepin-server admin create-key --workspace ${workspace.id} --name "my key" --scopes workflows:read`,
  );
}
