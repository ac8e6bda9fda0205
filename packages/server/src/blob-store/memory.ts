import { assertBlobKey, type BlobStore, type StagedBlob } from './blob-store.js';

/**
 * Blobs in memory: the default when no store is configured (tests, embedding the app), and
 * a second implementation that keeps the interface honest. Not for production data.
 */
export class MemoryBlobStore implements BlobStore {
  readonly #blobs = new Map<string, Uint8Array>();

  async stage(source: ReadableStream<Uint8Array>): Promise<StagedBlob> {
    const bytes = new Uint8Array(await new Response(source).arrayBuffer());
    let settled = false;
    return {
      commit: async (key) => {
        assertBlobKey(key);
        if (settled) throw new Error('this staged blob was already committed or discarded');
        settled = true;
        this.#blobs.set(key, bytes);
      },
      discard: async () => {
        settled = true;
      },
    };
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    this.#blobs.delete(key);
  }

  async exists(key: string): Promise<boolean> {
    assertBlobKey(key);
    return this.#blobs.has(key);
  }

  async open(key: string): Promise<ReadableStream<Uint8Array> | null> {
    assertBlobKey(key);
    const bytes = this.#blobs.get(key);
    return bytes === undefined ? null : new Blob([bytes]).stream();
  }
}
