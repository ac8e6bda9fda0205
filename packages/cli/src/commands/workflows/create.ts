import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { readDefinition } from './definition.js';

export interface WorkflowsCreateOptions {
  name: string;
  description?: string | undefined;
  /** A JSON file, or `-` for stdin. */
  definition?: string | undefined;
}

/** `onepin workflows create --name N`: prints the new workflow's id (stdout). */
export function createWorkflowsCreateCommand(ctx: CliContext, run = workflowsCreateRun): Command {
  return new Command('create')
    .description('Create a workflow; prints its id, so WF=$(…) works')
    .requiredOption('--name <name>', 'unique in the workspace, 1–200 characters')
    .option('--description <text>', 'up to 5000 characters')
    .option('--definition <file>', 'the graph as JSON ({"graph": {"nodes", "edges"}}); - for stdin')
    .action((options: WorkflowsCreateOptions) => run(ctx, options));
}

/** Creates a workflow and prints its id (the whole workflow with --json). */
export async function workflowsCreateRun(
  ctx: CliContext,
  options: WorkflowsCreateOptions,
): Promise<void> {
  const definition =
    options.definition === undefined ? undefined : await readDefinition(ctx.io, options.definition);
  const client = await ctx.client();
  const workflow = await client.workflows.create({
    name: options.name,
    ...(options.description !== undefined && { description: options.description }),
    ...(definition && { definition }),
  });
  ctx.out.data(workflow, () => workflow.id);
  ctx.out.success(`Created workflow “${workflow.name}”.`);
}
