import { z } from '@hono/zod-openapi';
import { isWellFormedUnicode } from '../services/text.js';
import {
  DEFINITION_LIMITS,
  defaultPosition,
  type GraphEdgeJson,
  type GraphNodeJson,
  isLegacyEdge,
  type LegacyEdgeJson,
  upgradeLegacyEdge,
  type WorkflowDefinitionJson,
} from '../services/workflow-definition.js';
import { WELL_FORMED } from './resource.js';

/** An identifier inside a graph (node id, port): a short string without control characters. */
function graphIdentifier(max: number) {
  return z
    .string({ error: 'must be a string' })
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters')
    .refine(isWellFormedUnicode, WELL_FORMED);
}

const NodeId = graphIdentifier(64);
const EdgeId = graphIdentifier(200);
const PortName = graphIdentifier(64);
const NodeType = z
  .string({ error: 'must be a string' })
  .regex(/^[a-z0-9_]{1,64}$/, 'must be 1 to 64 characters of a-z, 0-9 and _');
const Coordinate = z.number({ error: 'must be a number' }).finite('must be a finite number');

export const NodePositionSchema = z
  .looseObject({ x: Coordinate, y: Coordinate })
  .openapi('NodePosition', { description: 'Where the node sits on the canvas' });

/** The fields of a node the public OnePin model types; anything else is kept as sent. */
const nodeFields = {
  id: NodeId.openapi({ description: 'Unique within the graph', example: 'translate_es' }),
  type: NodeType.openapi({ example: 'operator_translator' }),
  name: z.string({ error: 'must be a string' }).max(200).nullable().optional(),
  config: z.record(z.string(), z.unknown(), { error: 'must be an object' }).nullable().optional(),
  config_version: z.number({ error: 'must be a number' }).int('must be a whole number').nullish(),
};

export const WorkflowNodeOut = z
  .looseObject({ ...nodeFields, position: NodePositionSchema })
  .openapi('WorkflowNode', { description: 'A step of the graph; other fields are kept as sent' });

export const WorkflowEdgeOut = z
  .looseObject({
    id: EdgeId.openapi({ description: 'Unique within the graph' }),
    source: NodeId.openapi({ description: 'The id of the node the edge leaves' }),
    sourcePort: PortName.openapi({ description: "The source's output port", example: 'out' }),
    target: NodeId.openapi({ description: 'The id of the node the edge enters' }),
    targetPort: PortName.openapi({ description: "The target's input port", example: 'in' }),
  })
  .openapi('WorkflowEdge');

const ExecutionSchema = z
  .looseObject({
    steps: z.array(z.string({ error: 'must be a string' })).nullish(),
    params: z.record(z.string(), z.unknown(), { error: 'must be an object' }).nullish(),
  })
  .openapi({ description: 'How to run the graph; kept as sent' });

/** The stored and returned form: the public OnePin graph. */
export const WorkflowDefinitionOut = z
  .looseObject({
    graph: z.looseObject({ nodes: z.array(WorkflowNodeOut), edges: z.array(WorkflowEdgeOut) }),
    execution: ExecutionSchema.optional(),
  })
  .openapi('WorkflowDefinition', {
    description:
      'The public OnePin graph: nodes with a `position`, edges `{id, source, sourcePort, target, targetPort}`; other fields (e.g. `execution`) kept as sent.',
  });

const EdgeInput = z
  .looseObject({
    id: EdgeId.optional(),
    source: NodeId.optional(),
    sourcePort: PortName.optional(),
    target: NodeId.optional(),
    targetPort: PortName.optional(),
    from: NodeId.optional().openapi({ description: 'Older form: the source node' }),
    to: NodeId.optional().openapi({ description: 'Older form: the target node' }),
    port: PortName.optional().openapi({ description: "Older form: the source's output port" }),
  })
  .openapi('WorkflowEdgeInput', {
    description:
      'Either the official `{id, source, sourcePort, target, targetPort}` or the older `{from, to, port?}` (stored as `{id: "edge-N", source, sourcePort: port ?? "out", target, targetPort: "in"}`).',
  });

type EdgeInputValue = z.infer<typeof EdgeInput>;
type Issue = { path: (string | number)[]; message: string };

const OFFICIAL_EDGE_FIELDS = ['id', 'source', 'sourcePort', 'target', 'targetPort'] as const;
const LEGACY_EDGE_FIELDS = ['from', 'to', 'port'] as const;

/** What is wrong with one edge's shape, and the node ids it names (with the field naming each). */
function checkEdgeShape(edge: EdgeInputValue, index: number, issues: Issue[]) {
  const path = ['graph', 'edges', index];
  if (isLegacyEdge(edge)) {
    for (const field of ['from', 'to'] as const) {
      if (edge[field] === undefined)
        issues.push({ path: [...path, field], message: 'is required' });
    }
    return [
      ['from', edge.from],
      ['to', edge.to],
    ] as const;
  }
  const mixed = LEGACY_EDGE_FIELDS.filter((field) => field in edge);
  if (mixed.length > 0) {
    issues.push({
      path: [...path, mixed[0] as string],
      message: 'an edge uses either source/target (official) or from/to (older form), not both',
    });
  }
  for (const field of OFFICIAL_EDGE_FIELDS) {
    if (edge[field] === undefined) issues.push({ path: [...path, field], message: 'is required' });
  }
  return [
    ['source', edge.source],
    ['target', edge.target],
  ] as const;
}

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

/** Ids used twice: an issue at the second use, naming the first. */
function checkUnique(
  ids: ReadonlyArray<string | undefined>,
  kind: 'nodes' | 'edges',
  issues: Issue[],
): Set<string> {
  const firstIndexOf = new Map<string, number>();
  ids.forEach((id, index) => {
    if (id === undefined) return;
    const first = firstIndexOf.get(id);
    if (first === undefined) firstIndexOf.set(id, index);
    else {
      issues.push({
        path: ['graph', kind, index, 'id'],
        message: `must be unique: ${kind === 'nodes' ? 'node' : 'edge'} ${first} has the id ${JSON.stringify(id)} too`,
      });
    }
  });
  return new Set(firstIndexOf.keys());
}

const GraphInput = z.looseObject({
  nodes: z
    .array(z.looseObject({ ...nodeFields, position: NodePositionSchema.optional() }))
    .max(DEFINITION_LIMITS.nodes, `must have at most ${DEFINITION_LIMITS.nodes} nodes`)
    .nullish(),
  edges: z
    .array(EdgeInput)
    .max(DEFINITION_LIMITS.edges, `must have at most ${DEFINITION_LIMITS.edges} edges`)
    .nullish(),
});

/**
 * A definition as clients send it: the official graph, or edges in the older `{from, to,
 * port}` form, or a mix; `graph`, `nodes` and `edges` may be left out. It is validated (node
 * and edge ids unique, edges name existing nodes) and turned into the stored official form:
 * every node gets a position, every edge the official fields.
 */
export const WorkflowDefinitionInput = z
  .looseObject({ graph: GraphInput.nullish(), execution: ExecutionSchema.nullish() })
  .superRefine((definition, ctx) => {
    const issues: Issue[] = [];
    const nodes = definition.graph?.nodes ?? [];
    const edges = definition.graph?.edges ?? [];
    const nodeIds = checkUnique(
      nodes.map((node) => node.id),
      'nodes',
      issues,
    );
    checkUnique(
      edges.map((edge) => edge.id),
      'edges',
      issues,
    );
    edges.forEach((edge, index) => {
      for (const [field, nodeId] of checkEdgeShape(edge, index, issues)) {
        if (nodeId !== undefined && !nodeIds.has(nodeId)) {
          issues.push({
            path: ['graph', 'edges', index, field],
            message: `names no node of the graph (${JSON.stringify(nodeId)})`,
          });
        }
      }
    });
    if (nestsDeeperThan(definition, DEFINITION_LIMITS.depth)) {
      issues.push({
        path: [],
        message: `must not nest deeper than ${DEFINITION_LIMITS.depth} levels`,
      });
    }
    for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue });
  })
  .transform((definition): WorkflowDefinitionJson => {
    const { graph, execution, ...rest } = definition;
    const { nodes, edges, ...graphRest } = graph ?? {};
    const takenEdgeIds = new Set((edges ?? []).flatMap((edge) => (edge.id ? [edge.id] : [])));
    return {
      ...rest,
      ...(execution != null && { execution }),
      graph: {
        ...graphRest,
        nodes: (nodes ?? []).map(
          (node, index): GraphNodeJson => ({
            ...node,
            position: node.position ?? defaultPosition(index),
          }),
        ),
        edges: (edges ?? []).map((edge, index) =>
          isLegacyEdge(edge)
            ? upgradeLegacyEdge(edge as LegacyEdgeJson, index, takenEdgeIds)
            : (edge as GraphEdgeJson),
        ),
      },
    };
  })
  .openapi('WorkflowDefinitionInput', {
    description:
      '`{graph: {nodes, edges}}` plus any other fields (e.g. `execution`), kept as sent. Node ids and edge ids are unique; edges name existing nodes. Edges may use the older `{from, to, port}` form and nodes may leave out `position`: both are stored in the official form.',
    example: {
      graph: {
        nodes: [
          { id: 'script', type: 'source_script', position: { x: 0, y: 0 } },
          { id: 'voice', type: 'operator_generator', position: { x: 240, y: 0 } },
          { id: 'preview', type: 'sink_preview', position: { x: 480, y: 0 } },
        ],
        edges: [
          { id: 'e1', source: 'script', sourcePort: 'out', target: 'voice', targetPort: 'in' },
          { id: 'e2', source: 'voice', sourcePort: 'out', target: 'preview', targetPort: 'in' },
        ],
      },
    },
  });
