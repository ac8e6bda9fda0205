import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { createWebhooksCreateCommand } from './webhooks/create.js';
import { createWebhooksDeleteCommand } from './webhooks/delete.js';
import { createWebhooksDeliveriesCommand } from './webhooks/deliveries.js';
import { createWebhooksListCommand } from './webhooks/list.js';
import { createWebhooksRedeliverCommand } from './webhooks/redeliver.js';
import { createWebhooksRotateSecretCommand } from './webhooks/rotate-secret.js';
import { createWebhooksShowCommand } from './webhooks/show.js';
import { createWebhooksUpdateCommand } from './webhooks/update.js';

/** `onepin webhooks …`: signed key and member events (`webhooks:read` / `webhooks:write`). */
export function createWebhooksCommand(ctx: CliContext): Command {
  return new Command('webhooks')
    .description("Manage the workspace's webhooks and their delivery log")
    .addCommand(createWebhooksListCommand(ctx))
    .addCommand(createWebhooksShowCommand(ctx))
    .addCommand(createWebhooksCreateCommand(ctx))
    .addCommand(createWebhooksUpdateCommand(ctx))
    .addCommand(createWebhooksDeleteCommand(ctx))
    .addCommand(createWebhooksRotateSecretCommand(ctx))
    .addCommand(createWebhooksDeliveriesCommand(ctx))
    .addCommand(createWebhooksRedeliverCommand(ctx));
}
