import {
  type Database,
  findWorkspacesByReference,
  type Kysely,
  type WorkspaceRow,
} from '@onepin/db';
import { ApiError } from '../api-error.js';

/**
 * The workspace an operator names on the command line: by id, by slug, or by its name when
 * only one workspace has it (the dashboard shows names, not ids). A name shared by several
 * workspaces is refused with each one's slug and id, so the operator can pick.
 */
export async function findWorkspaceForAdmin(
  db: Kysely<Database>,
  reference: string,
): Promise<WorkspaceRow> {
  const found = await findWorkspacesByReference(db, reference);
  const exact = found.find((w) => w.id === reference) ?? found.find((w) => w.slug === reference);
  if (exact) return exact;
  const [only, ...others] = found;
  if (only && others.length === 0) return only;
  if (!only) {
    throw new ApiError('NOT_FOUND', `No workspace has the id, slug or name "${reference}".`);
  }
  throw new ApiError(
    'CONFLICT',
    `${found.length} workspaces are named "${reference}": ${found.map((w) => `${w.slug} (id ${w.id})`).join(', ')}. Pass the slug or the id.`,
  );
}
