import { Command } from 'commander';
import type { CliContext } from '../../context.js';

/** `onepin webhooks redeliver ID DELIVERY_ID`. */
export function createWebhooksRedeliverCommand(ctx: CliContext): Command {
  return new Command('redeliver')
    .description('Send a delivery again now (same event and webhook-id, signed afresh)')
    .argument('<id>', 'the webhook id')
    .argument('<delivery-id>', 'the delivery (see `onepin webhooks deliveries ID`)')
    .action(async (id: string, deliveryId: string) => {
      const client = await ctx.client();
      const delivery = await client.webhooks.redeliver(id, deliveryId);
      ctx.out.data(delivery, () => '');
      ctx.out.success(
        `Delivery ${delivery.id} (${delivery.event_type}) is queued to be sent again now; see \`onepin webhooks deliveries ${id} ${delivery.id}\`.`,
      );
    });
}
