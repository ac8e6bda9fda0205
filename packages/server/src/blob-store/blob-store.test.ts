import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../test-support/files.js';
import type { BlobStore } from './blob-store.js';
import { LocalDirectoryBlobStore } from './local-directory.js';
import { MemoryBlobStore } from './memory.js';

const directories: string[] = [];
afterAll(async () => {
  for (const dir of directories) await rm(dir, { recursive: true, force: true });
});

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  return new Blob(chunks).stream();
}

function failingStream(afterChunk: string): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (sent) controller.error(new Error('connection reset'));
      else controller.enqueue(new TextEncoder().encode(afterChunk));
      sent = true;
    },
  });
}

async function read(store: BlobStore, key: string): Promise<string | null> {
  const stream = await store.open(key);
  return stream && new Response(stream).text();
}

interface Implementation {
  name: string;
  create(): Promise<{ store: BlobStore; leftovers(): Promise<string[]> }>;
}

const implementations: Implementation[] = [
  {
    name: 'local directory',
    async create() {
      const root = await mkdtemp(join(tmpdir(), 'onepin-blobs-'));
      directories.push(root);
      const store = new LocalDirectoryBlobStore(root);
      return { store, leftovers: () => filesUnder(root) };
    },
  },
  {
    name: 'memory',
    async create() {
      return { store: new MemoryBlobStore(), leftovers: async () => [] };
    },
  },
];

describe.each(implementations)('$name blob store', (implementation) => {
  it('makes staged bytes visible under a key only when committed', async () => {
    const { store } = await implementation.create();
    const staged = await store.stage(streamOf('hello ', 'world'));
    expect(await store.exists('blob-1')).toBe(false);
    await staged.commit('blob-1');
    expect(await store.exists('blob-1')).toBe(true);
    expect(await read(store, 'blob-1')).toBe('hello world');
    await staged.discard();
    expect(await read(store, 'blob-1')).toBe('hello world');
  });

  it('leaves nothing behind when staged bytes are discarded', async () => {
    const { store, leftovers } = await implementation.create();
    const staged = await store.stage(streamOf('draft'));
    await staged.discard();
    await expect(staged.commit('blob-2')).rejects.toThrow();
    expect(await store.exists('blob-2')).toBe(false);
    expect(await leftovers()).toEqual([]);
  });

  it('leaves nothing behind when the source stream fails half-way', async () => {
    const { store, leftovers } = await implementation.create();
    await expect(store.stage(failingStream('partial'))).rejects.toThrow('connection reset');
    expect(await leftovers()).toEqual([]);
  });

  it('replaces a blob on a second commit and deletes idempotently', async () => {
    const { store, leftovers } = await implementation.create();
    await (await store.stage(streamOf('one'))).commit('blob-3');
    await (await store.stage(streamOf('two'))).commit('blob-3');
    expect(await read(store, 'blob-3')).toBe('two');
    await store.delete('blob-3');
    await store.delete('blob-3');
    expect(await store.exists('blob-3')).toBe(false);
    expect(await read(store, 'blob-3')).toBeNull();
    expect(await leftovers()).toEqual([]);
  });

  it.each(['', '../etc/passwd', 'a/b', '.staging', 'x'.repeat(129), 'nul\u0000'])(
    'refuses the key %j',
    async (key) => {
      const { store } = await implementation.create();
      const staged = await store.stage(streamOf('x'));
      await expect(staged.commit(key)).rejects.toThrow(/blob key/);
      await expect(store.delete(key)).rejects.toThrow(/blob key/);
      await staged.discard();
    },
  );
});

describe('local directory blob store', () => {
  it('keeps files private to the server user', async () => {
    const root = await mkdtemp(join(tmpdir(), 'onepin-blobs-'));
    directories.push(root);
    const store = new LocalDirectoryBlobStore(root);
    await (await store.stage(streamOf('secret script'))).commit('abcdef');
    expect(await filesUnder(root)).toEqual([join('ab', 'abcdef')]);
    expect((await stat(join(root, 'ab', 'abcdef'))).mode & 0o077).toBe(0);
  });
});
