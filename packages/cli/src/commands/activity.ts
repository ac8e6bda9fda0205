import type { ActivityEvent } from '@onepin/sdk';
import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { timeCell } from '../format/time.js';
import { addPageOptions, collect, type PageOptions, pageQuery, printMore } from './shared/pages.js';

/** `onepin activity`: the workspace's audit log, newest first. */
export function createActivityCommand(ctx: CliContext, run = activityRun): Command {
  const command = new Command('activity').description(
    "Show the workspace's audit log, newest first (needs workspace:read)",
  );
  return addPageOptions(command, 'cursor').action((options: PageOptions) => run(ctx, options));
}

/** Prints a page of audit events (or all of them), newest first. */
export async function activityRun(ctx: CliContext, options: PageOptions): Promise<void> {
  const client = await ctx.client();
  const { items, pagination } = await collect(client.activity.list(pageQuery(options)), options);
  ctx.out.data(items, () => activityTable(ctx, items));
  if (items.length === 0 && !ctx.out.json) ctx.out.message('No activity.');
  printMore(ctx, pagination, 'events');
}

function activityTable(ctx: CliContext, events: readonly ActivityEvent[]) {
  const now = ctx.now();
  return {
    headers: ['TIME', 'EVENT', 'ACTOR', 'TARGET'],
    rows: events.map((event) => [
      timeCell(event.created_at, ctx.out.tty, now),
      event.type,
      `${event.actor.type}:${event.actor.name ?? event.actor.id ?? ''}`,
      event.target ? `${event.target.type}:${event.target.id}` : '',
    ]),
  };
}
