import { formatBytes } from '@onepin/core';
import {
  bindUpload,
  deleteUpload as deleteUploadRow,
  findUpload,
  findUploadById,
  insertUpload,
  listUploadsOfContext,
  markUploadReceived,
  type Tenant,
  type UploadBinding,
  type UploadCategory,
  type UploadRecord,
} from '@onepin/db';
import { ApiError, notFound } from '../api-error.js';
import type { Actor } from '../auth/principal.js';
import type { BlobStore, StagedBlob } from '../blob-store/blob-store.js';
import { ByteLimitExceeded, meterStream, SourceInterrupted } from '../uploads/metered-stream.js';
import { defaultContentType } from '../uploads/upload-rules.js';
import type { UploadUrlSigner } from '../uploads/upload-url-signer.js';
import { recordAudit } from './audit.js';
import { isPlausibleId } from './ids.js';
import { isoNow, type ServiceDeps } from './service-deps.js';
import { getWorkflow } from './workflows.js';

/** An upload URL works for 15 minutes, and for one transfer that succeeds. */
export const UPLOAD_URL_TTL_MS = 15 * 60 * 1000;

export interface UploadServiceDeps extends ServiceDeps {
  blobStore: BlobStore;
  uploadSigner: UploadUrlSigner;
  settings: { publicUrl: string; uploadMaxBytes: number };
}

export interface UploadRequest {
  filename: string;
  category: UploadCategory;
  /** Left out (as the public OnePin clients do): any size up to the server's limit. */
  size_bytes?: number | undefined;
  content_type?: string | undefined;
}

/** What a pending upload stores for "no size declared" (declared sizes are at least 1). */
export const UNDECLARED_SIZE = 0;

/** The size the bytes must have, or null when the client declared none. */
export function declaredSize(upload: UploadRecord): number | null {
  return upload.status === 'pending' && upload.size_bytes === UNDECLARED_SIZE
    ? null
    : upload.size_bytes;
}

export interface CreatedUpload {
  upload: UploadRecord;
  /** Absolute; PUT the bytes here. */
  uploadUrl: string;
  expiresAt: string;
}

async function findOr404(deps: ServiceDeps, tenant: Tenant, id: string): Promise<UploadRecord> {
  const upload = isPlausibleId(id) ? await findUpload(deps.database.db, tenant, id) : undefined;
  if (!upload) throw notFound('Upload');
  return upload;
}

/** A pending upload and the signed URL its bytes go to. The URL holds no API key. */
export async function createUpload(
  deps: UploadServiceDeps,
  actor: Actor,
  tenant: Tenant,
  request: UploadRequest,
): Promise<CreatedUpload> {
  const limit = deps.settings.uploadMaxBytes;
  if (request.size_bytes !== undefined && request.size_bytes > limit) {
    throw new ApiError('VALIDATION_ERROR', undefined, {
      details: [
        {
          field: 'size_bytes',
          message: `must be at most ${formatBytes(limit)} (${limit} bytes, the server's limit)`,
        },
      ],
    });
  }
  const nowMs = deps.clock.now();
  const now = new Date(nowMs).toISOString();
  const upload: UploadRecord = {
    id: deps.newId(),
    workspace_id: tenant.workspaceId,
    environment: tenant.environment,
    filename: request.filename,
    category: request.category,
    content_type: request.content_type ?? defaultContentType(request.filename),
    size_bytes: request.size_bytes ?? UNDECLARED_SIZE,
    status: 'pending',
    sha256: null,
    context_type: null,
    context_id: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    uploaded_at: null,
    confirmed_at: null,
  };
  await insertUpload(deps.database.db, upload);
  const expiresAt = Math.floor((nowMs + UPLOAD_URL_TTL_MS) / 1000);
  const signature = deps.uploadSigner.sign({ uploadId: upload.id, expiresAt });
  const query = new URLSearchParams({ expires: String(expiresAt), signature });
  return {
    upload,
    uploadUrl: `${deps.settings.publicUrl}/uploads/${encodeURIComponent(upload.id)}?${query}`,
    expiresAt: new Date(expiresAt * 1000).toISOString(),
  };
}

/** The bytes of one upload, as they arrive at its signed URL. */
export interface ByteTransfer {
  uploadId: string;
  expires: string | undefined;
  signature: string | undefined;
  contentLength: string | undefined;
  body: ReadableStream<Uint8Array> | null;
}

/** Checks the URL's signature and expiry before anything else: no database work for forgeries. */
function checkSignedUrl(deps: UploadServiceDeps, transfer: ByteTransfer): void {
  const { uploadId, expires, signature } = transfer;
  const expiresAt = expires !== undefined && /^\d{1,12}$/.test(expires) ? Number(expires) : NaN;
  if (
    signature === undefined ||
    Number.isNaN(expiresAt) ||
    !deps.uploadSigner.verify({ uploadId, expiresAt }, signature)
  ) {
    throw new ApiError('FORBIDDEN', 'This upload URL is not valid: its signature does not match.');
  }
  if (expiresAt * 1000 <= deps.clock.now()) {
    const at = new Date(expiresAt * 1000).toISOString();
    throw new ApiError('FORBIDDEN', `This upload URL expired at ${at}; create a new upload.`);
  }
}

function alreadyReceived(): ApiError {
  return new ApiError(
    'CONFLICT',
    'This upload already has its bytes: an upload URL is good for one upload.',
  );
}

/**
 * Refuses, before reading a byte, a Content-Length that cannot match the declared size, or
 * (nothing declared) that is empty or over the server's limit.
 */
function checkContentLength(
  contentLength: string | undefined,
  declared: number | null,
  serverLimit: number,
): void {
  if (contentLength === undefined) return;
  if (!/^\d{1,16}$/.test(contentLength)) {
    throw new ApiError('BAD_REQUEST', 'Content-Length is not a number.');
  }
  const length = Number(contentLength);
  if (declared === null) {
    if (length > serverLimit) throw overServerLimit(serverLimit);
    if (length === 0) throw empty();
    return;
  }
  if (length > declared) throw tooLarge(declared);
  if (length < declared) throw incomplete(length, declared);
}

const overServerLimit = (limit: number) =>
  new ApiError(
    'PAYLOAD_TOO_LARGE',
    `The body is larger than the server's upload limit (${formatBytes(limit)}).`,
  );

const empty = () =>
  new ApiError('BAD_REQUEST', 'The body is empty: an upload has at least 1 byte.');

const tooLarge = (declared: number) =>
  new ApiError(
    'PAYLOAD_TOO_LARGE',
    `The body is larger than the upload's declared size_bytes (${declared}).`,
  );

const incomplete = (received: number, declared: number) =>
  new ApiError(
    'BAD_REQUEST',
    `The body has ${received} bytes; the upload declared size_bytes ${declared}.`,
  );

/**
 * Streams the body into a staged blob, counting and hashing; nothing stays when it fails.
 * Without a declared size, any 1 byte up to the server's limit will do.
 */
async function stageBody(
  deps: UploadServiceDeps,
  body: ReadableStream<Uint8Array>,
  declared: number | null,
): Promise<{ staged: StagedBlob; sha256: string; size: number }> {
  const serverLimit = deps.settings.uploadMaxBytes;
  const metered = meterStream(body, Math.min(declared ?? serverLimit, serverLimit));
  let staged: StagedBlob;
  try {
    staged = await deps.blobStore.stage(metered.stream);
  } catch (error) {
    if (error instanceof ByteLimitExceeded) {
      throw declared === null || error.limit < declared
        ? overServerLimit(error.limit)
        : tooLarge(declared);
    }
    if (error instanceof SourceInterrupted) {
      throw new ApiError('BAD_REQUEST', 'The upload broke off before its end.', { cause: error });
    }
    throw error;
  }
  const size = metered.bytes();
  if (declared === null ? size === 0 : size !== declared) {
    await staged.discard();
    throw declared === null ? empty() : incomplete(size, declared);
  }
  return { staged, sha256: metered.sha256(), size };
}

/**
 * `PUT {upload_url}`: authenticated by the URL's signature alone. The bytes must be exactly
 * the declared size (and within the server's limit); they become visible only once complete,
 * and only the first complete transfer counts.
 */
export async function receiveUploadBytes(
  deps: UploadServiceDeps,
  transfer: ByteTransfer,
): Promise<UploadRecord> {
  checkSignedUrl(deps, transfer);
  const db = deps.database.db;
  const upload = await findUploadById(db, transfer.uploadId);
  if (!upload) throw notFound('Upload');
  if (upload.status !== 'pending') throw alreadyReceived();
  const declared = declaredSize(upload);
  checkContentLength(transfer.contentLength, declared, deps.settings.uploadMaxBytes);
  if (transfer.body === null) throw declared === null ? empty() : incomplete(0, declared);

  const { staged, sha256, size } = await stageBody(deps, transfer.body, declared);
  let committed = false;
  try {
    // Claim the upload and put the blob in place in one transaction: a concurrent transfer
    // or delete waits for it, and a failed commit leaves the upload pending.
    await db.transaction().execute(async (trx) => {
      const claimed = await markUploadReceived(trx, upload.id, {
        sha256,
        size_bytes: size,
        uploaded_at: isoNow(deps),
      });
      if (!claimed) {
        throw (await findUploadById(trx, upload.id)) ? alreadyReceived() : notFound('Upload');
      }
      await staged.commit(upload.id);
      committed = true;
    });
  } catch (error) {
    if (committed) await deps.blobStore.delete(upload.id);
    else await staged.discard();
    throw error;
  }
  return (await findUploadById(db, upload.id)) ?? upload;
}

/** The contexts of the public OnePin API an upload may be confirmed to; only workflows exist here. */
export const UPLOAD_CONTEXT_TYPES = ['workflow', 'playground', 'assistant_session'] as const;
export type UploadContextType = (typeof UPLOAD_CONTEXT_TYPES)[number];

/**
 * Binds an upload whose bytes arrived to a workflow of the same workspace and environment.
 * Confirming again with the same workflow is harmless; with another one it is a 409. The
 * public API's other contexts (playgrounds, assistant sessions) do not exist here: like any
 * context that is not found, 404.
 */
export async function confirmUpload(
  deps: ServiceDeps,
  actor: Actor,
  tenant: Tenant,
  id: string,
  request: { context_type: UploadContextType; context_id: string },
): Promise<UploadRecord> {
  if (request.context_type !== 'workflow') {
    const what = request.context_type === 'playground' ? 'Playground' : 'Assistant session';
    throw new ApiError(
      'NOT_FOUND',
      `${what} not found: this server has none; uploads are confirmed to workflows.`,
    );
  }
  const binding: UploadBinding = { context_type: 'workflow', context_id: request.context_id };
  const upload = await findOr404(deps, tenant, id);
  const sameBinding = (record: UploadRecord) =>
    record.context_type === binding.context_type && record.context_id === binding.context_id;
  if (upload.status !== 'uploaded') {
    throw new ApiError(
      'CONFLICT',
      'The bytes of this upload have not arrived: PUT them to its upload_url first.',
    );
  }
  if (upload.context_id !== null) {
    if (sameBinding(upload)) return upload;
    throw new ApiError(
      'CONFLICT',
      `This upload is already bound to ${upload.context_type} ${upload.context_id}.`,
    );
  }
  const workflow = await getWorkflow(deps, tenant, binding.context_id);
  const now = isoNow(deps);
  return deps.database.db.transaction().execute(async (trx) => {
    const bound = await bindUpload(trx, tenant, id, binding, now);
    if (!bound) {
      const current = await findUpload(trx, tenant, id);
      if (current && sameBinding(current)) return current;
      throw current
        ? new ApiError('CONFLICT', 'This upload was bound meanwhile.')
        : notFound('Upload');
    }
    await recordAudit(trx, { newId: deps.newId, now }, actor, {
      action: 'upload_confirmed',
      environment: tenant.environment,
      target: { type: 'upload', id },
      metadata: {
        filename: upload.filename,
        category: upload.category,
        size_bytes: upload.size_bytes,
        context_type: binding.context_type,
        context_id: workflow.id,
      },
    });
    return bound;
  });
}

/** Deletes the upload's row (with its audit event), then its bytes. */
export async function deleteUpload(
  deps: UploadServiceDeps,
  actor: Actor,
  tenant: Tenant,
  id: string,
): Promise<void> {
  const upload = await findOr404(deps, tenant, id);
  const now = isoNow(deps);
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await deleteUploadRow(trx, tenant, id))) throw notFound('Upload');
    await recordAudit(trx, { newId: deps.newId, now }, actor, {
      action: 'upload_deleted',
      environment: tenant.environment,
      target: { type: 'upload', id },
      metadata: { filename: upload.filename, category: upload.category },
    });
  });
  // After the row: a blob without a row is harmless garbage, a row without its blob is not.
  await deps.blobStore.delete(id);
}

/** The uploads confirmed to a workflow (which must exist for the caller), newest first. */
export async function listWorkflowUploads(
  deps: ServiceDeps,
  tenant: Tenant,
  workflowId: string,
  page: { limit: number; offset: number },
) {
  const workflow = await getWorkflow(deps, tenant, workflowId);
  return listUploadsOfContext(deps.database.db, {
    tenant,
    context_type: 'workflow',
    context_id: workflow.id,
    ...page,
  });
}
