import { z } from '@hono/zod-openapi';
import type { WorkflowRecord } from '@onepin/db';
import { isWellFormedUnicode } from '../services/text.js';
import { DEFINITION_LIMITS, type WorkflowDefinitionJson } from '../services/workflow-definition.js';
import { OffsetQuery, Timestamp } from './common.js';
import { EnvironmentSchema, freeText, resourceName, SearchQuery, WELL_FORMED } from './resource.js';

const NodeId = z
  .string({ error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters')
  .refine(isWellFormedUnicode, WELL_FORMED);

export const WorkflowNode = z
  .looseObject({
    id: NodeId.openapi({ description: 'Unique within the graph', example: 'translate_es' }),
    type: z
      .string({ error: 'must be a string' })
      .regex(/^[a-z0-9_]{1,64}$/, 'must be 1 to 64 characters of a-z, 0-9 and _')
      .openapi({ example: 'operator_translator' }),
  })
  .openapi('WorkflowNode', { description: 'A step of the graph; other fields are kept as sent' });

export const WorkflowEdge = z
  .looseObject({
    from: NodeId.openapi({ description: 'The id of the node the edge leaves' }),
    to: NodeId.openapi({ description: 'The id of the node the edge enters' }),
  })
  .openapi('WorkflowEdge', { description: 'Other fields (e.g. ports) are kept as sent' });

/** Whether a JSON value nests deeper than `limit` (iterative: deep input cannot blow the stack). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

export const WorkflowDefinition = z
  .looseObject({
    graph: z.looseObject({
      nodes: z
        .array(WorkflowNode)
        .max(DEFINITION_LIMITS.nodes, `must have at most ${DEFINITION_LIMITS.nodes} nodes`),
      edges: z
        .array(WorkflowEdge)
        .max(DEFINITION_LIMITS.edges, `must have at most ${DEFINITION_LIMITS.edges} edges`),
    }),
  })
  .superRefine((definition, ctx) => {
    const { nodes, edges } = definition.graph;
    const firstIndexOf = new Map<string, number>();
    nodes.forEach((node, index) => {
      const first = firstIndexOf.get(node.id);
      if (first === undefined) firstIndexOf.set(node.id, index);
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['graph', 'nodes', index, 'id'],
          message: `must be unique: node ${first} has the id ${JSON.stringify(node.id)} too`,
        });
      }
    });
    edges.forEach((edge, index) => {
      for (const end of ['from', 'to'] as const) {
        if (!firstIndexOf.has(edge[end])) {
          ctx.addIssue({
            code: 'custom',
            path: ['graph', 'edges', index, end],
            message: `names no node of the graph (${JSON.stringify(edge[end])})`,
          });
        }
      }
    });
    if (nestsDeeperThan(definition, DEFINITION_LIMITS.depth)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `must not nest deeper than ${DEFINITION_LIMITS.depth} levels`,
      });
    }
  })
  .openapi('WorkflowDefinition', {
    description:
      '`{graph: {nodes, edges}}` plus any other fields (e.g. `execution`), kept as sent. Node ids are unique; edges name existing nodes.',
    example: {
      graph: {
        nodes: [
          { id: 'script', type: 'source_script' },
          { id: 'voice', type: 'operator_generator' },
          { id: 'preview', type: 'sink_preview' },
        ],
        edges: [
          { from: 'script', to: 'voice' },
          { from: 'voice', to: 'preview' },
        ],
      },
    },
  });

export const WorkflowOut = z
  .object({
    id: z.string().openapi({ format: 'uuid' }),
    workspace_id: z.string(),
    environment: EnvironmentSchema,
    name: z.string(),
    description: z.string().nullable(),
    definition: WorkflowDefinition,
    created_by: z
      .string()
      .nullable()
      .openapi({ description: 'The user behind the key or session' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Workflow');

const WorkflowName = resourceName(200).openapi({
  description: 'Unique among the workspace’s workflows (case-sensitive)',
});
const Description = freeText(5000);

export const CreateWorkflowBody = z
  .strictObject({
    name: WorkflowName,
    description: Description.nullable().optional(),
    definition: WorkflowDefinition.optional().openapi({ description: 'Default: an empty graph' }),
  })
  .openapi('WorkflowCreate');

export const ReplaceWorkflowBody = z
  .strictObject({
    name: WorkflowName,
    description: Description.nullable().optional().openapi({ description: 'Left out: none' }),
    definition: WorkflowDefinition,
  })
  .openapi('WorkflowReplace');

export const UpdateWorkflowBody = z
  .strictObject({
    name: WorkflowName.optional(),
    description: Description.nullable().optional(),
    definition: WorkflowDefinition.optional().openapi({
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

export const WORKFLOW_SORTS = ['name', 'created_at', 'updated_at'] as const;

export const WorkflowListQuery = OffsetQuery.extend({
  search: SearchQuery,
  sort: z
    .enum(WORKFLOW_SORTS)
    .default('updated_at')
    .openapi({ param: { name: 'sort', in: 'query' } }),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .openapi({
      param: { name: 'order', in: 'query' },
      description: 'Default: `asc` for `name`, `desc` for times. Ties are broken by `id`.',
    }),
});

export function toWorkflowOut(record: WorkflowRecord): z.infer<typeof WorkflowOut> {
  return {
    id: record.id,
    workspace_id: record.workspace_id,
    environment: record.environment,
    name: record.name,
    description: record.description,
    definition: record.definition as WorkflowDefinitionJson,
    created_by: record.created_by,
    created_at: record.created_at,
    updated_at: record.updated_at,
  };
}
