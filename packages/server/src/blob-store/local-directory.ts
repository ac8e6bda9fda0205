import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { assertBlobKey, type BlobStore, type StagedBlob } from './blob-store.js';

/**
 * Blobs as files under one directory: `<root>/<first two characters of the key>/<key>`.
 * Bytes are first written to `<root>/.staging/` (same file system, so committing is an
 * atomic rename) and flushed to disk before they become visible.
 */
export class LocalDirectoryBlobStore implements BlobStore {
  readonly root: string;
  readonly #staging: string;

  constructor(root: string) {
    this.root = root;
    this.#staging = join(root, '.staging');
  }

  #path(key: string): string {
    assertBlobKey(key);
    return join(this.root, key.slice(0, 2), key);
  }

  async stage(source: ReadableStream<Uint8Array>): Promise<StagedBlob> {
    await mkdir(this.#staging, { recursive: true, mode: 0o700 });
    const temp = join(this.#staging, randomUUID());
    const file = createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true });
    try {
      await pipeline(Readable.fromWeb(source as NodeReadableStream<Uint8Array>), file);
    } catch (error) {
      // The file may still be opening when the source fails: wait until it is closed, or
      // the removal could run before it exists.
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
      await rm(temp, { force: true });
      throw error;
    }
    let settled = false;
    return {
      commit: async (key) => {
        if (settled) throw new Error('this staged blob was already committed or discarded');
        const target = this.#path(key);
        await mkdir(dirname(target), { recursive: true, mode: 0o700 });
        await rename(temp, target);
        settled = true;
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await rm(temp, { force: true });
      },
    };
  }

  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.#path(key));
      return true;
    } catch {
      return false;
    }
  }

  async open(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const path = this.#path(key);
    if (!(await this.exists(key))) return null;
    return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  }
}
