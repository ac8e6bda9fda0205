/** A workflow's definition as stored and returned: the graph, plus any other fields as sent. */
export interface WorkflowDefinitionJson {
  graph: {
    nodes: Array<{ id: string; type: string; [field: string]: unknown }>;
    edges: Array<{ from: string; to: string; [field: string]: unknown }>;
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
