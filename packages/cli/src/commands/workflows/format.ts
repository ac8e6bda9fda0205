import type { OnePinClient, Workflow, WorkflowDefinition } from '@onepin/sdk';
import { isPermissionDenied } from '../../api/sdk.js';
import type { CliContext } from '../../context.js';
import { timeCell, timeField } from '../../format/time.js';

/** The columns of `workflows list`. */
export function workflowTable(ctx: CliContext, workflows: readonly Workflow[]) {
  const now = ctx.now();
  return {
    headers: ['ID', 'NAME', 'UPDATED'],
    rows: workflows.map((w) => [w.id, w.name, timeCell(w.updated_at, ctx.out.tty, now)]),
  };
}

/** The fields of `workflows show` (and of an update's result). */
export function workflowFields(ctx: CliContext, workflow: Workflow): [string, string][] {
  const { tty } = ctx.out;
  const now = ctx.now();
  return [
    ['ID', workflow.id],
    ['Name', workflow.name],
    ['Description', workflow.description ?? ''],
    ...graphFields(workflow.definition),
    ['Created', timeField(workflow.created_at, tty, now)],
    ['Updated', timeField(workflow.updated_at, tty, now)],
  ];
}

/** The output port most edges leave by; other ports (a validator's pass/fail) are shown. */
const DEFAULT_PORT = 'out';

/** A graph in two lines: `script (source_script), …` and `script → voice, check → voice (fail), …`. */
export function graphFields(definition: WorkflowDefinition): [string, string][] {
  const { nodes, edges } = definition.graph;
  return [
    ['Nodes', nodes.map((node) => `${node.id} (${node.type})`).join(', ')],
    [
      'Edges',
      edges
        .map(
          (edge) =>
            `${edge.source} → ${edge.target}${edge.sourcePort === DEFAULT_PORT ? '' : ` (${edge.sourcePort})`}`,
        )
        .join(', '),
    ],
  ];
}

/** `“Podcast”`, looked up for a confirmation; the id when this key may not read workflows. */
export async function nameWorkflowForQuestion(client: OnePinClient, id: string): Promise<string> {
  try {
    return `“${(await client.workflows.retrieve(id)).name}”`;
  } catch (error) {
    if (await isPermissionDenied(error)) return id;
    throw error;
  }
}
