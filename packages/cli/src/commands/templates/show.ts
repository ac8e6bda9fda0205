import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { graphFields } from '../workflows/format.js';

export interface TemplatesShowOptions {
  id: string;
}

/** `onepin templates show ID`. */
export function createTemplatesShowCommand(ctx: CliContext, run = templatesShowRun): Command {
  return new Command('show')
    .description('Show a template (with --json: its whole definition)')
    .argument('<id>', 'the template id (8 characters)')
    .action((id: string) => run(ctx, { id }));
}

/** Prints one template. */
export async function templatesShowRun(
  ctx: CliContext,
  options: TemplatesShowOptions,
): Promise<void> {
  const client = await ctx.client();
  const template = await client.templates.retrieve(options.id);
  ctx.out.fields(template, [
    ['ID', template.id],
    ['Name', template.name],
    ['Category', template.category ?? ''],
    ['Description', template.description ?? ''],
    ...graphFields(template.definition),
  ]);
}
