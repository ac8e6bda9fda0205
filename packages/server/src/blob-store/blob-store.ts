/**
 * Where upload bytes live. The server only ever writes through `stage` + `commit`, so a
 * transfer that fails half-way leaves nothing behind, and a committed blob is complete.
 * The local-directory store is the default; an S3-compatible store can implement the same
 * interface (stage = multipart upload to a temporary key, commit = copy/complete).
 */
export interface BlobStore {
  /** Writes `source` to a staging area. When the stream fails, nothing is left behind. */
  stage(source: ReadableStream<Uint8Array>): Promise<StagedBlob>;
  /** Deletes a blob; deleting one that does not exist is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** The blob's bytes, or `null` when there is no such blob. */
  open(key: string): Promise<ReadableStream<Uint8Array> | null>;
}

/** Bytes written but not yet visible under any key. */
export interface StagedBlob {
  /** Makes the bytes the blob `key` (replacing any blob there). */
  commit(key: string): Promise<void>;
  /** Throws the bytes away; does nothing once committed or discarded. */
  discard(): Promise<void>;
}

const BLOB_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** Blob keys are ids the server made (never client input), checked anyway so no key can
 * name a path outside the store. */
export function assertBlobKey(key: string): void {
  if (!BLOB_KEY.test(key)) throw new TypeError(`not a valid blob key: ${JSON.stringify(key)}`);
}
