import type { WorkflowUpdateParams } from '@onepin/sdk';
import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDefinition } from './definition.js';
import { workflowFields } from './format.js';

export interface WorkflowsUpdateOptions {
  id: string;
  name?: string | undefined;
  description?: string | undefined;
  definition?: string | undefined;
}

/** `onepin workflows update ID`: changes the given fields, keeps the others. */
export function createWorkflowsUpdateCommand(ctx: CliContext, run = workflowsUpdateRun): Command {
  return new Command('update')
    .description("Change a workflow's name, description or definition (the rest stays)")
    .argument('<id>', 'the workflow id')
    .option('--name <name>', 'a new name')
    .option('--description <text>', 'a new description ("" clears it)')
    .option('--definition <file>', 'a new graph as JSON; - for stdin')
    .action((id: string, options: Omit<WorkflowsUpdateOptions, 'id'>) =>
      run(ctx, { id, ...options }),
    );
}

/** Sends the given changes (PATCH) and prints the workflow. */
export async function workflowsUpdateRun(
  ctx: CliContext,
  options: WorkflowsUpdateOptions,
): Promise<void> {
  const changes: WorkflowUpdateParams = {
    ...(options.name !== undefined && { name: options.name }),
    ...(options.description !== undefined && { description: options.description || null }),
    ...(options.definition !== undefined && {
      definition: await readDefinition(ctx.io, options.definition),
    }),
  };
  if (Object.keys(changes).length === 0) {
    throw new UsageError('Nothing to change: pass --name, --description or --definition.');
  }
  const client = await ctx.client();
  const workflow = await client.workflows.update(options.id, changes);
  ctx.out.fields(workflow, workflowFields(ctx, workflow));
  ctx.out.success(`Updated workflow “${workflow.name}”.`);
}
