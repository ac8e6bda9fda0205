import { Command } from 'commander';
import type { CliContext } from '../../context.js';

export interface TemplatesCloneOptions {
  id: string;
  name?: string | undefined;
}

/** `onepin templates clone ID [--name N]`: a new workflow from the template; prints its id. */
export function createTemplatesCloneCommand(ctx: CliContext, run = templatesCloneRun): Command {
  return new Command('clone')
    .description('Make a workflow from a template (needs workflows:write); prints its id')
    .argument('<id>', 'the template id')
    .option('--name <name>', 'the workflow’s name (default: "<template> (Copy)")')
    .action((id: string, options: { name?: string }) => run(ctx, { id, ...options }));
}

/** Makes a workflow from a template and prints the workflow's id. */
export async function templatesCloneRun(
  ctx: CliContext,
  options: TemplatesCloneOptions,
): Promise<void> {
  const client = await ctx.client();
  const workflow = await client.templates.clone(
    options.id,
    options.name === undefined ? {} : { name: options.name },
  );
  ctx.out.data(workflow, () => workflow.id);
  ctx.out.success(`Created workflow “${workflow.name}” from template ${options.id}.`);
}
