import { Command, Option } from 'commander';
import type { CliContext } from '../../context.js';
import {
  addPageOptions,
  collect,
  type PageOptions,
  pageQuery,
  printMore,
} from '../shared/pages.js';
import { attemptTable, deliveryTable } from './format.js';

interface DeliveriesOptions extends PageOptions {
  status?: 'pending' | 'succeeded' | 'failed';
}

/** `onepin webhooks deliveries ID [DELIVERY_ID]`: the log, or one delivery's attempts. */
export function createWebhooksDeliveriesCommand(ctx: CliContext): Command {
  const command = new Command('deliveries')
    .description("A webhook's delivery log, newest first; with a delivery id, its attempts")
    .argument('<id>', 'the webhook id')
    .argument('[delivery-id]', 'one delivery: every attempt with its status code')
    .addOption(
      new Option('--status <status>', 'only deliveries in this state').choices([
        'pending',
        'succeeded',
        'failed',
      ]),
    );
  return addPageOptions(command).action(
    async (id: string, deliveryId: string | undefined, options: DeliveriesOptions) => {
      const client = await ctx.client();
      if (deliveryId !== undefined) {
        const detail = await client.webhooks.delivery(id, deliveryId);
        ctx.out.data(detail, () => attemptTable(ctx, detail));
        return;
      }
      const { items, pagination } = await collect(
        client.webhooks.deliveries(id, {
          ...pageQuery(options),
          ...(options.status && { status: options.status }),
        }),
        options,
      );
      ctx.out.data(items, () => deliveryTable(ctx, items));
      if (items.length === 0 && !ctx.out.json) ctx.out.message('No deliveries.');
      printMore(ctx, pagination, 'deliveries');
    },
  );
}
