import { z } from '@hono/zod-openapi';
import type { WorkspaceRow } from '@onepin/db';
import { OffsetQuery, Timestamp } from './common.js';

/** The public OnePin API's workspace; the fields of features this server lacks are defaults. */
export const WorkspaceOut = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    color_idx: z.number().int().openapi({ description: 'Palette index (0–6); always 0 here' }),
    created_by: z.string().openapi({ description: 'The owner: the person who created it' }),
    created_at: Timestamp,
    updated_at: Timestamp,
    routing_price_sensitivity: z.number().openapi({
      description: 'Voice routing balance of the public API; 0.5 (balanced), no routing here',
    }),
    routing_llm_fit: z
      .boolean()
      .openapi({ description: 'Voice routing option of the public API; false, no routing here' }),
  })
  .openapi('Workspace');

export const WorkspaceListQuery = OffsetQuery;

export const WorkspaceIdParam = z.object({
  workspace_id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'workspace_id', in: 'path' } }),
});

export function toWorkspaceOut(row: WorkspaceRow, ownerId: string): z.infer<typeof WorkspaceOut> {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    color_idx: 0,
    created_by: row.created_by ?? ownerId,
    created_at: row.created_at,
    updated_at: row.updated_at,
    routing_price_sensitivity: 0.5,
    routing_llm_fit: false,
  };
}
