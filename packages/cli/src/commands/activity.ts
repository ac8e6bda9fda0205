import type { ActivityEvent } from '@onepin/sdk';
import { describeActivity, describeActor } from '@onepin/sdk/format';
import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { timeCell } from '../format/time.js';
import type { Table } from '../output/table.js';
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

/** `2026-06-02 12:00 UTC`: a time inside a sentence, the same for every reader. */
function utcMinute(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The events as the dashboard tells them (one shared formatter): who did what, in words,
 * naming keys by their preview. The raw type stays in the EVENT column (hidden first on a
 * narrow terminal) and in --json.
 */
function activityTable(ctx: CliContext, events: readonly ActivityEvent[]): Table {
  const now = ctx.now();
  return {
    headers: ['TIME', 'EVENT', 'WHO', 'WHAT', 'DATA'],
    // The sentence matters most: the actor is cut first, the raw type and data set hidden.
    fit: [undefined, { drop: 1 }, { min: 12, cut: 1 }, { min: 30, cut: 2 }, { drop: 2 }],
    rows: events.map((event) => [
      timeCell(event.created_at, ctx.out.tty, now),
      event.type,
      describeActor(event.actor),
      describeActivity(event, utcMinute),
      event.environment,
    ]),
  };
}
