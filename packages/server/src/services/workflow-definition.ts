/** Where a node sits on the editor's canvas (the official graph has one for every node). */
export interface NodePosition {
  x: number;
  y: number;
  [field: string]: unknown;
}

/** A step of the graph, as stored and returned: other fields (`name`, `config`…) kept as sent. */
export interface GraphNodeJson {
  id: string;
  type: string;
  position: NodePosition;
  [field: string]: unknown;
}

/** A connection from one node's output port to another node's input port (the official shape). */
export interface GraphEdgeJson {
  id: string;
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
  [field: string]: unknown;
}

/**
 * A workflow's definition as stored and returned: the public OnePin shape, `{graph: {nodes,
 * edges}}` plus any other fields (e.g. `execution`) as sent.
 */
export interface WorkflowDefinitionJson {
  graph: {
    nodes: GraphNodeJson[];
    edges: GraphEdgeJson[];
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** The definition of a workflow made without one: an empty graph. */
export const EMPTY_DEFINITION: WorkflowDefinitionJson = Object.freeze({
  graph: Object.freeze({ nodes: [], edges: [] }),
}) as WorkflowDefinitionJson;

/** Bounds that keep a definition's validation (and storage) cheap whatever a client sends. */
export const DEFINITION_LIMITS = { nodes: 500, edges: 2000, depth: 32 } as const;

/** The ports an edge of the older `{from, to, port}` form is given: `port` names the source's. */
export const DEFAULT_SOURCE_PORT = 'out';
export const DEFAULT_TARGET_PORT = 'in';

/** Nodes sent without a position are laid out left to right, eight to a row. */
export function defaultPosition(index: number): NodePosition {
  return { x: (index % 8) * 240, y: Math.floor(index / 8) * 160 };
}

/** An edge of the older form: `port` is the source's output port (a validator's pass/fail). */
export interface LegacyEdgeJson {
  from: string;
  to: string;
  port?: string | undefined;
  [field: string]: unknown;
}

/** Whether an edge uses the older `{from, to}` form rather than `{source, target}`. */
export function isLegacyEdge(edge: Record<string, unknown>): boolean {
  return !('source' in edge) && !('target' in edge) && ('from' in edge || 'to' in edge);
}

/**
 * The official form of an older edge. Without an id of its own it gets `edge-N` (N its 1-based
 * position), or the first `edge-N-k` that no edge of the graph already uses.
 */
export function upgradeLegacyEdge(
  edge: LegacyEdgeJson,
  index: number,
  takenIds: Set<string>,
): GraphEdgeJson {
  const { from, to, port, id: given, ...rest } = edge;
  let id = typeof given === 'string' ? given : `edge-${index + 1}`;
  if (typeof given !== 'string') {
    for (let k = 2; takenIds.has(id); k++) id = `edge-${index + 1}-${k}`;
  }
  takenIds.add(id);
  return {
    ...rest,
    id,
    source: from,
    sourcePort: port ?? DEFAULT_SOURCE_PORT,
    target: to,
    targetPort: DEFAULT_TARGET_PORT,
  };
}
