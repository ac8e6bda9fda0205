import { randomUUID } from 'node:crypto';
import type { Scope } from '@onepin/core';
import { openDatabase } from '@onepin/db';
import { directServiceDeps } from '../../packages/server/src/admin/admin-context.js';
import { createUserWithWorkspace } from '../../packages/server/src/services/accounts.js';
import { createApiKey, FULL_AUTHORITY } from '../../packages/server/src/services/api-keys.js';

export interface SeededWorkspace {
  workspaceId: string;
  /** A key holding every `api_keys` scope, made at run time. */
  adminKey: string;
}

/** Makes a user, a workspace and a key-managing key directly in a (migrated) database, the
 * way `onepin-server admin` does. */
export async function seedWorkspace(
  databaseUrl: string,
  scopes: Scope[] = ['api_keys:read', 'api_keys:write', 'workspace:read'],
): Promise<SeededWorkspace> {
  const database = openDatabase({ url: databaseUrl, maxConnections: 1 });
  try {
    const deps = directServiceDeps(database);
    const { user, workspace } = await createUserWithWorkspace(deps, {
      email: `admin-${randomUUID().slice(0, 8)}@example.com`,
      workspaceName: 'Cluster test',
    });
    const { plaintext } = await createApiKey(
      deps,
      { type: 'system', id: null, name: 'e2e', workspaceId: workspace.id, userId: user.id },
      FULL_AUTHORITY,
      { name: 'e2e admin', scopes, key_type: 'live' },
    );
    return { workspaceId: workspace.id, adminKey: plaintext };
  } finally {
    await database.close();
  }
}
