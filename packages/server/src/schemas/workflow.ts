import { z } from '@hono/zod-openapi';
import type { WorkflowRecord } from '@onepin/db';
import type { WorkflowDefinitionJson } from '../services/workflow-definition.js';
import { Timestamp } from './common.js';
import { EnvironmentSchema, freeText, resourceName } from './resource.js';
import { WorkflowDefinitionInput, WorkflowDefinitionOut } from './workflow-definition.js';

/** The run statuses of the public OnePin API, for `run_status_counts`. */
const RUN_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled', 'paused'] as const;

const RunStatusCounts = z
  .object(Object.fromEntries(RUN_STATUSES.map((status) => [status, z.number().int()])))
  .openapi('RunStatusCounts', { description: 'Runs per status: all 0, this server runs none' });

const NO_RUNS = Object.freeze(Object.fromEntries(RUN_STATUSES.map((status) => [status, 0])));

export const WorkflowOut = z
  .object({
    id: z.string().openapi({ format: 'uuid' }),
    workspace_id: z.string(),
    environment: EnvironmentSchema,
    name: z.string(),
    description: z.string().nullable(),
    definition: WorkflowDefinitionOut,
    user_id: z.string().openapi({
      description:
        "The user who created it: the key's creator, or the workspace's owner for keys made by `onepin-server admin create-key`",
    }),
    created_by: z
      .string()
      .nullable()
      .openapi({ description: 'The user behind the key or session (null for admin keys)' }),
    created_at: Timestamp,
    updated_at: Timestamp,
    runs_count: z
      .number()
      .int()
      .openapi({ description: 'Always 0: this server runs no workflows' }),
    last_run_at: Timestamp.nullable().openapi({ description: 'Always null (no runs)' }),
    last_run_status: z.string().nullable().openapi({ description: 'Always null (no runs)' }),
    run_status_counts: RunStatusCounts,
  })
  .openapi('Workflow');

export const WorkflowName = resourceName(200).openapi({
  description: 'Unique among the workspace’s workflows (case-sensitive)',
});
const Description = freeText(5000);

export const CreateWorkflowBody = z
  .strictObject({
    name: WorkflowName,
    description: Description.nullable().optional(),
    definition: WorkflowDefinitionInput.optional().openapi({
      description: 'Default: an empty graph',
    }),
  })
  .openapi('WorkflowCreate');

export const ReplaceWorkflowBody = z
  .strictObject({
    name: WorkflowName,
    description: Description.nullable().optional().openapi({ description: 'Left out: none' }),
    definition: WorkflowDefinitionInput,
  })
  .openapi('WorkflowReplace');

export const UpdateWorkflowBody = z
  .strictObject({
    name: WorkflowName.optional(),
    description: Description.nullable().optional(),
    definition: WorkflowDefinitionInput.optional().openapi({
      description: 'Replaces the whole definition',
    }),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change')
  .openapi('WorkflowUpdate');

/** `{name?}` for duplicate and clone: without a name the server picks "… (Copy)". */
export const CopyWorkflowBody = z
  .strictObject({
    name: WorkflowName.optional().openapi({
      description:
        'Default: the original name + " (Copy)", or " (Copy 2)", " (Copy 3)"… when taken',
    }),
  })
  .openapi('WorkflowCopy');

/**
 * A workflow as the API returns it. `ownerId` stands in for the creator of workflows made by
 * keys that no person created (SPEC §1 `admin create-key`).
 */
export function toWorkflowOut(
  record: WorkflowRecord,
  ownerId: string,
): z.infer<typeof WorkflowOut> {
  return {
    id: record.id,
    workspace_id: record.workspace_id,
    environment: record.environment,
    name: record.name,
    description: record.description,
    definition: record.definition as WorkflowDefinitionJson,
    user_id: record.created_by ?? ownerId,
    created_by: record.created_by,
    created_at: record.created_at,
    updated_at: record.updated_at,
    runs_count: 0,
    last_run_at: null,
    last_run_status: null,
    run_status_counts: { ...NO_RUNS },
  };
}
