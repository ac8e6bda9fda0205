import type { Environment, UploadRecord, WorkflowRecord } from '@onepin/db';
import type { Actor } from '../auth/principal.js';
import { confirmUpload, createUpload, receiveUploadBytes } from '../services/uploads.js';
import type { WorkflowDefinitionJson } from '../services/workflow-definition.js';
import { createWorkflow } from '../services/workflows.js';
import type { TestWorkspace, TestWorld } from './world.js';

let counter = 0;

/** A name no other test object has. */
export function uniqueName(prefix = 'Workflow'): string {
  counter++;
  return `${prefix} ${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A small graph in the official shape, as stored and returned. */
export const SAMPLE_DEFINITION: WorkflowDefinitionJson = {
  graph: {
    nodes: [
      { id: 'script', type: 'source_script', position: { x: 0, y: 0 } },
      {
        id: 'voice',
        type: 'operator_generator',
        position: { x: 240, y: 0 },
        config: { voice: 'auto' },
      },
      { id: 'preview', type: 'sink_preview', position: { x: 480, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'script', sourcePort: 'out', target: 'voice', targetPort: 'in' },
      { id: 'e2', source: 'voice', sourcePort: 'out', target: 'preview', targetPort: 'in' },
    ],
  },
};

export function systemActor(workspace: TestWorkspace): Actor {
  return { type: 'system', id: null, name: 'test', workspaceId: workspace.id, userId: null };
}

/** A workflow made directly through the service, in the workspace's live or test set. */
export function seedWorkflow(
  world: TestWorld,
  workspace: TestWorkspace,
  environment: Environment = 'live',
  name = uniqueName(),
): Promise<WorkflowRecord> {
  return createWorkflow(
    world.deps,
    systemActor(workspace),
    { workspaceId: workspace.id, environment },
    { name, definition: SAMPLE_DEFINITION },
  );
}

/** An upload, by default with its bytes received; `confirmTo` binds it to a workflow too. */
export async function seedUpload(
  world: TestWorld,
  workspace: TestWorkspace,
  options: {
    environment?: Environment;
    bytes?: string | null;
    confirmTo?: WorkflowRecord;
    filename?: string;
  } = {},
): Promise<UploadRecord> {
  const tenant = { workspaceId: workspace.id, environment: options.environment ?? 'live' };
  const bytes = options.bytes === undefined ? 'Hello, world.\n' : options.bytes;
  const created = await createUpload(world.deps, systemActor(workspace), tenant, {
    filename: options.filename ?? 'script.txt',
    category: 'script',
    size_bytes: bytes === null ? 1 : Buffer.byteLength(bytes),
  });
  if (bytes === null) return created.upload;
  const url = new URL(created.uploadUrl);
  const received = await receiveUploadBytes(world.deps, {
    uploadId: created.upload.id,
    expires: url.searchParams.get('expires') ?? undefined,
    signature: url.searchParams.get('signature') ?? undefined,
    contentLength: undefined,
    body: new Blob([bytes]).stream(),
  });
  if (!options.confirmTo) return received;
  return confirmUpload(world.deps, systemActor(workspace), tenant, received.id, {
    context_type: 'workflow',
    context_id: options.confirmTo.id,
  });
}
