import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import {
  addPageOptions,
  collect,
  type PageOptions,
  pageQuery,
  printMore,
} from '../shared/pages.js';
import { webhookTable } from './format.js';

/** `onepin webhooks list`. */
export function createWebhooksListCommand(ctx: CliContext): Command {
  const command = new Command('list').description(
    "List the workspace's webhooks (never their secrets)",
  );
  return addPageOptions(command).action(async (options: PageOptions) => {
    const client = await ctx.client();
    const { items, pagination } = await collect(client.webhooks.list(pageQuery(options)), options);
    ctx.out.data(items, () => webhookTable(ctx, items));
    if (items.length === 0 && !ctx.out.json) ctx.out.message('No webhooks.');
    printMore(ctx, pagination, 'webhooks');
  });
}
