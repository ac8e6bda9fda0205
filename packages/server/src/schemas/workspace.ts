import { z } from '@hono/zod-openapi';
import type { WorkspaceRow } from '@onepin/db';
import { Timestamp } from './common.js';

export const WorkspaceOut = z
  .object({ id: z.string(), name: z.string(), slug: z.string(), created_at: Timestamp })
  .openapi('Workspace');

export function toWorkspaceOut(row: WorkspaceRow): z.infer<typeof WorkspaceOut> {
  return { id: row.id, name: row.name, slug: row.slug, created_at: row.created_at };
}
