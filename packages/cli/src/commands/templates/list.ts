import type { Template } from '@onepin/sdk';
import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import {
  addPageOptions,
  collect,
  type PageOptions,
  pageQuery,
  printMore,
} from '../shared/pages.js';

export interface TemplatesListOptions extends PageOptions {
  search?: string | undefined;
  category?: string | undefined;
}

/** `onepin templates list`. */
export function createTemplatesListCommand(ctx: CliContext, run = templatesListRun): Command {
  const command = new Command('list')
    .description('List the templates (starter templates ship with the server)')
    .option('--search <text>', 'only templates whose name contains the text')
    .option('--category <category>', 'only this category, e.g. media');
  return addPageOptions(command).action((options: TemplatesListOptions) => run(ctx, options));
}

/** Prints a page of templates (or all of them). */
export async function templatesListRun(
  ctx: CliContext,
  options: TemplatesListOptions,
): Promise<void> {
  const client = await ctx.client();
  const { items, pagination } = await collect(
    client.templates.list({
      ...pageQuery(options),
      ...(options.search !== undefined && { search: options.search }),
      ...(options.category !== undefined && { category: options.category }),
    }),
    options,
  );
  ctx.out.data(items, () => templateTable(items));
  if (items.length === 0 && !ctx.out.json) ctx.out.message('No templates.');
  printMore(ctx, pagination, 'templates');
}

function templateTable(templates: readonly Template[]) {
  return {
    headers: ['ID', 'NAME', 'CATEGORY', 'NODES'],
    rows: templates.map((t) => [
      t.id,
      t.name,
      t.category ?? '',
      String(t.definition.graph.nodes.length),
    ]),
  };
}
