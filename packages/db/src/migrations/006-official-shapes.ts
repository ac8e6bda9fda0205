import type { Kysely } from 'kysely';
import { type OnePinMigration, sqlIn } from './kit.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A stored definition in the public OnePin graph shape: edges `{from, to, port?}` become
 * `{id, source, sourcePort: port ?? 'out', target, targetPort: 'in'}` (id `edge-N`, or
 * `edge-N-k` when taken) and nodes without a position get one (eight to a row). Returns
 * `null` when nothing changes. A frozen copy of the server's rule of the day: a migration
 * must never change once shipped, so it imports nothing that may.
 */
export function upgradeStoredDefinition(definition: unknown): Json | null {
  if (!isObject(definition) || !isObject(definition.graph)) return null;
  const { nodes, edges } = definition.graph;
  let changed = false;
  const newNodes = Array.isArray(nodes)
    ? nodes.map((node, index) => {
        if (!isObject(node) || node.position !== undefined) return node;
        changed = true;
        return { ...node, position: { x: (index % 8) * 240, y: Math.floor(index / 8) * 160 } };
      })
    : nodes;
  const taken = new Set(
    (Array.isArray(edges) ? edges : []).flatMap((edge) =>
      isObject(edge) && typeof edge.id === 'string' ? [edge.id] : [],
    ),
  );
  const newEdges = Array.isArray(edges)
    ? edges.map((edge, index) => {
        if (!isObject(edge) || 'source' in edge || 'target' in edge) return edge;
        if (!('from' in edge) && !('to' in edge)) return edge;
        changed = true;
        const { from, to, port, id: given, ...rest } = edge;
        let id = typeof given === 'string' ? given : `edge-${index + 1}`;
        if (typeof given !== 'string') {
          for (let k = 2; taken.has(id); k++) id = `edge-${index + 1}-${k}`;
        }
        taken.add(id);
        return {
          ...rest,
          id,
          source: from,
          sourcePort: typeof port === 'string' ? port : 'out',
          target: to,
          targetPort: 'in',
        };
      })
    : edges;
  if (!changed) return null;
  return { ...definition, graph: { ...definition.graph, nodes: newNodes, edges: newEdges } };
}

const BATCH = 500;

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
async function upgradeWorkflowDefinitions(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows: Array<{ id: string; definition: string }> = await db
      .selectFrom('workflows')
      .select(['id', 'definition'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(row.definition);
      } catch {
        continue; // not JSON: nothing this migration can read, so nothing it may change
      }
      const upgraded = upgradeStoredDefinition(parsed);
      if (upgraded === null) continue;
      await db
        .updateTable('workflows')
        .set({ definition: JSON.stringify(upgraded) })
        .where('id', '=', row.id)
        .execute();
    }
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = last.id;
  }
}

/**
 * The public OnePin API's shapes: workflow definitions move to its graph form (nodes with a
 * position, edges with ids and ports), and templates count how often each workspace's data
 * set cloned them (`uses_count`, `sort=popular`).
 */
export const officialShapes: OnePinMigration = {
  async up(db) {
    await db.schema
      .createTable('template_uses')
      .addColumn('workspace_id', 'text', (c) =>
        c.notNull().references('workspaces.id').onDelete('cascade'),
      )
      .addColumn('environment', 'text', (c) =>
        c.notNull().check(sqlIn('environment', ['live', 'test'])),
      )
      .addColumn('template_id', 'text', (c) => c.notNull())
      .addColumn('uses_count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('template_uses_pk', ['workspace_id', 'environment', 'template_id'])
      .execute();
    await upgradeWorkflowDefinitions(db);
  },
};
