import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { createKeysCreateCommand } from './keys/create.js';
import { createKeysListCommand } from './keys/list.js';
import { createKeysRevokeCommand } from './keys/revoke.js';
import { createKeysRotateCommand } from './keys/rotate.js';
import { createKeysShowCommand } from './keys/show.js';
import { createKeysUpdateCommand } from './keys/update.js';

/** `onepin keys …`: the workspace's API keys (`api_keys:read` / `api_keys:write`). */
export function createKeysCommand(ctx: CliContext): Command {
  return new Command('keys')
    .description("Manage the workspace's API keys")
    .addCommand(createKeysListCommand(ctx))
    .addCommand(createKeysShowCommand(ctx))
    .addCommand(createKeysCreateCommand(ctx))
    .addCommand(createKeysUpdateCommand(ctx))
    .addCommand(createKeysRotateCommand(ctx))
    .addCommand(createKeysRevokeCommand(ctx));
}
