import { purgeTemplateUses, purgeUploads, purgeWorkflows, type Tenant } from '@onepin/db';
import type { BlobStore } from '../blob-store/blob-store.js';
import { recordAudit } from './audit.js';
import { isoNow, type ServiceDeps } from './service-deps.js';

export interface WipedTestData {
  workspaceId: string;
  workflows: number;
  uploads: number;
}

/**
 * Deletes a workspace's test data for good: test workflows (deleted ones too), test
 * uploads with their bytes and the test set's template clone counts. Live data, API keys (credentials, not data) and the audit log
 * (the record of what happened, including this wipe) stay.
 */
export async function wipeTestData(
  deps: ServiceDeps & { blobStore: BlobStore },
  workspaceId: string,
): Promise<WipedTestData> {
  const tenant: Tenant = { workspaceId, environment: 'test' };
  const now = isoNow(deps);
  const { workflows, uploadIds } = await deps.database.db.transaction().execute(async (trx) => {
    const removed = {
      workflows: await purgeWorkflows(trx, tenant),
      uploadIds: await purgeUploads(trx, tenant),
    };
    // The test set's template clone counts go with its workflows.
    await purgeTemplateUses(trx, tenant);
    await recordAudit(
      trx,
      { newId: deps.newId, now },
      { type: 'system', id: null, name: 'onepin-server admin', workspaceId, userId: null },
      {
        action: 'test_data_wiped',
        environment: 'test',
        metadata: { workflows: removed.workflows, uploads: removed.uploadIds.length },
      },
    );
    return removed;
  });
  for (const id of uploadIds) await deps.blobStore.delete(id);
  return { workspaceId, workflows, uploads: uploadIds.length };
}
