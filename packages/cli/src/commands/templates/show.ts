import { Command } from 'commander';
import type { CliContext } from '../../context.js';

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

export async function templatesShowRun(
  ctx: CliContext,
  options: TemplatesShowOptions,
): Promise<void> {
  const client = await ctx.client();
  const template = await client.templates.retrieve(options.id);
  const { nodes, edges } = template.definition.graph;
  ctx.out.fields(template, [
    ['ID', template.id],
    ['Name', template.name],
    ['Category', template.category ?? ''],
    ['Description', template.description ?? ''],
    ['Nodes', nodes.map((node) => `${node.id} (${node.type})`).join(', ')],
    ['Edges', edges.map((edge) => `${edge.from} → ${edge.to}`).join(', ')],
  ]);
}
