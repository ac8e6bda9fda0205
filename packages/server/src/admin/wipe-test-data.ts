import { LocalDirectoryBlobStore } from '../blob-store/local-directory.js';
import type { ServerConfig } from '../config.js';
import { wipeTestData } from '../services/test-data.js';
import { withAdminDeps } from './admin-context.js';
import { findWorkspaceForAdmin } from './find-workspace.js';

export interface WipeTestDataOptions {
  /** The workspace's id, slug, or (unique) name. */
  workspace: string;
  json: boolean;
}

/**
 * `onepin-server admin wipe-test-data --workspace WORKSPACE`: removes the workspace's test workflows
 * and test uploads (with their files). Live data, API keys and the activity log stay.
 */
export async function wipeTestDataCommand(
  config: ServerConfig,
  options: WipeTestDataOptions,
  print: (line: string) => void,
): Promise<void> {
  const { workspace, wiped } = await withAdminDeps(config, async (deps) => {
    const found = await findWorkspaceForAdmin(deps.database.db, options.workspace);
    const blobStore = new LocalDirectoryBlobStore(config.blobDir);
    return { workspace: found, wiped: await wipeTestData({ ...deps, blobStore }, found.id) };
  });
  if (options.json) {
    print(
      JSON.stringify({
        workspace_id: workspace.id,
        workflows_deleted: wiped.workflows,
        uploads_deleted: wiped.uploads,
      }),
    );
    return;
  }
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  print(`Wiped the test data of workspace "${workspace.name}" (${workspace.id}):`);
  print(`  ${plural(wiped.workflows, 'test workflow')} (deleted ones included)`);
  print(`  ${plural(wiped.uploads, 'test upload')}, with their files`);
  print('Live data, API keys and the activity log were kept.');
}
