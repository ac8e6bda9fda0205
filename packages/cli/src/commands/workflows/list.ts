import { Command, Option } from 'commander';
import type { CliContext } from '../../context.js';
import {
  addPageOptions,
  collect,
  type PageOptions,
  pageQuery,
  printMore,
} from '../shared/pages.js';
import { workflowTable } from './format.js';

export interface WorkflowsListOptions extends PageOptions {
  search?: string | undefined;
  sort?: 'name' | 'created_at' | 'updated_at' | undefined;
  order?: 'asc' | 'desc' | undefined;
}

/** `onepin workflows list`. */
export function createWorkflowsListCommand(ctx: CliContext, run = workflowsListRun): Command {
  const command = new Command('list')
    .description("List the workspace's workflows")
    .option('--search <text>', 'only workflows whose name contains the text')
    .addOption(
      new Option('--sort <field>', 'sort by name, created_at or updated_at').choices([
        'name',
        'created_at',
        'updated_at',
      ]),
    )
    .addOption(new Option('--order <order>', 'asc or desc').choices(['asc', 'desc']));
  return addPageOptions(command).action((options: WorkflowsListOptions) => run(ctx, options));
}

/** Prints a page of workflows (or all of them). */
export async function workflowsListRun(
  ctx: CliContext,
  options: WorkflowsListOptions,
): Promise<void> {
  const client = await ctx.client();
  const { items, pagination } = await collect(
    client.workflows.list({
      ...pageQuery(options),
      ...(options.search !== undefined && { search: options.search }),
      ...(options.sort && { sort: options.sort }),
      ...(options.order && { order: options.order }),
    }),
    options,
  );
  ctx.out.data(items, () => workflowTable(ctx, items));
  if (items.length === 0 && !ctx.out.json) ctx.out.message('No workflows.');
  printMore(ctx, pagination, 'workflows');
}
