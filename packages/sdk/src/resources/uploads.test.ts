import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIError,
  APIUserAbortError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  type OnePinClient,
  OnePinConfigurationError,
  PermissionDeniedError,
  UnprocessableEntityError,
  type Upload,
  type UploadSource,
} from '../index.js';
import { createSdkWorld, type Interceptor, type SdkWorld } from '../test-support/real-app.js';
import { rejection } from '../test-support/rejection.js';

const TEXT = 'Hello from a script.\nSecond line.\n';
const BYTES = new TextEncoder().encode(TEXT);
const SHA256 = createHash('sha256').update(TEXT).digest('hex');
/** The server's upload limit in these tests. */
const LIMIT = 64 * 1024;

const UPLOADS_SCOPES = ['uploads:write', 'workflows:read', 'workflows:write'] as const;

let dir: string;
let scriptPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onepin-sdk-uploads-'));
  scriptPath = join(dir, 'script.txt');
  await writeFile(scriptPath, TEXT);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A 503 for the first PUT, as a struggling server would answer; the rest go through. */
const firstPutUnavailable = (): Interceptor => {
  let failed = false;
  return async (request, forward) => {
    if (request.method !== 'PUT' || failed) return forward(request);
    failed = true;
    return new Response('unavailable', { status: 503 });
  };
};

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: client.uploads`, () => {
    let sdk: SdkWorld;
    let client: OnePinClient;
    let counter = 0;

    beforeAll(async () => {
      sdk = await createSdkWorld(dialect, { settings: { uploadMaxBytes: LIMIT } });
      client = await sdk.client([...UPLOADS_SCOPES]);
    });
    afterAll(() => sdk.dispose());

    const newWorkflow = (on = client) => on.workflows.create({ name: `with files ${++counter}` });
    /** The bytes the server stored for an upload, or null. */
    const storedText = async (id: string) => {
      const stream = await sdk.world.deps.blobStore.open(id);
      return stream && new Response(stream).text();
    };
    const methods = (mark: number) => sdk.requests.slice(mark).map((r) => r.method);
    /** Whether the upload still exists, asked the way a client would (delete answers 404 if not). */
    const exists = async (id: string) => {
      const deleted = await client.uploads.delete(id).catch((error) => error);
      if (deleted instanceof NotFoundError) return false;
      expect(deleted).toEqual({ id, deleted: true });
      return true;
    };

    const sources: [string, () => UploadSource, Record<string, unknown>][] = [
      ['a path', () => scriptPath, {}],
      ['a Buffer', () => Buffer.from(TEXT), { filename: 'script.txt' }],
      ['a Uint8Array', () => BYTES, { filename: 'script.txt' }],
      ['an ArrayBuffer', () => BYTES.slice().buffer, { filename: 'script.txt' }],
      ['a File', () => new File([TEXT], 'script.txt', { type: 'text/plain' }), {}],
      ['a Blob', () => new Blob([TEXT]), { filename: 'script.txt' }],
      ['a file stream', () => createReadStream(scriptPath), {}],
      [
        'a Node stream with size_bytes',
        () => Readable.from([Buffer.from(TEXT)]),
        { filename: 'script.txt', size_bytes: BYTES.byteLength },
      ],
      [
        'a web ReadableStream with size_bytes',
        () => new Blob([TEXT]).stream(),
        { filename: 'script.txt', size_bytes: BYTES.byteLength },
      ],
    ];

    it.each(sources)('sends the bytes of %s through the signed URL', async (_, source, extra) => {
      const mark = sdk.requests.length;
      const upload = await client.uploads.create({ file: source(), category: 'script', ...extra });
      expect(upload).toMatchObject({
        filename: 'script.txt',
        category: 'script',
        content_type: 'text/plain',
        size_bytes: BYTES.byteLength,
        status: 'uploaded',
        sha256: SHA256,
        workspace_id: sdk.workspace.id,
        context_id: null,
      });
      expect(upload.uploaded_at).not.toBeNull();
      expect(await storedText(upload.id)).toBe(TEXT);

      const [create, put, ...rest] = sdk.requests.slice(mark);
      expect(rest).toEqual([]);
      expect(create?.headers.get('authorization')).toMatch(/^Bearer op_live_/);
      expect(await create?.json()).toMatchObject({
        filename: 'script.txt',
        category: 'script',
        size_bytes: BYTES.byteLength,
      });
      // The signed URL authenticates the PUT: the key never goes there.
      const url = new URL(put?.url ?? '');
      expect(put?.method).toBe('PUT');
      expect(url.pathname).toBe(`/uploads/${upload.id}`);
      expect(url.searchParams.get('signature')).toBeTruthy();
      expect(put?.headers.get('authorization')).toBeNull();
      expect(put?.headers.get('x-workspace-id')).toBeNull();
      expect(put?.headers.get('content-type')).toBe('text/plain');
    });

    it('takes the content type given, else the server picks it from the extension', async () => {
      const explicit = await client.uploads.create({
        file: BYTES,
        filename: 'lines.csv',
        category: 'script',
        content_type: 'text/plain; charset=utf-8',
      });
      expect(explicit.content_type).toBe('text/plain; charset=utf-8');
      expect(sdk.requests.at(-1)?.headers.get('content-type')).toBe('text/plain; charset=utf-8');

      const progress: [number, number][] = [];
      const inferred = await client.uploads.create({
        file: new Uint8Array(3000),
        filename: 'voice.MP3',
        category: 'dictionary',
        onProgress: (sent, total) => progress.push([sent, total]),
      });
      expect(inferred).toMatchObject({ content_type: 'audio/mpeg', size_bytes: 3000 });
      expect(sdk.requests.at(-1)?.headers.get('content-type')).toBe('audio/mpeg');
      expect(progress.at(-1)).toEqual([3000, 3000]);
    });

    it('confirms an upload for a workflow, which then lists it; then deletes it', async () => {
      const workflow = await newWorkflow();
      const upload = await client.uploads.create({ file: scriptPath, category: 'script' });
      const binding = { context_type: 'workflow', context_id: workflow.id } as const;
      const confirmed = await client.uploads.confirm(upload.id, binding);
      expect(confirmed).toMatchObject({ id: upload.id, status: 'uploaded', ...binding });
      expect(confirmed.confirmed_at).not.toBeNull();
      // Confirming again to the same workflow is harmless.
      await expect(client.uploads.confirm(upload.id, binding)).resolves.toEqual(confirmed);
      expect((await client.workflows.uploads(workflow.id)).data).toEqual([confirmed]);

      const elsewhere = await newWorkflow();
      const moved = await rejection(
        client.uploads.confirm(upload.id, { context_type: 'workflow', context_id: elsewhere.id }),
      );
      expect(moved).toBeInstanceOf(ConflictError);

      await expect(client.uploads.delete(upload.id)).resolves.toEqual({
        id: upload.id,
        deleted: true,
      });
      expect(await storedText(upload.id)).toBeNull();
      expect((await client.workflows.uploads(workflow.id)).data).toEqual([]);
      await expect(client.uploads.delete(upload.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("pages through a workflow's uploads, newest first", async () => {
      const workflow = await newWorkflow();
      const made: Upload[] = [];
      for (let i = 0; i < 5; i++) {
        sdk.world.clock.advance(1000);
        const upload = await client.uploads.create({
          file: BYTES,
          filename: `part ${i}.txt`,
          category: 'script',
        });
        made.push(
          await client.uploads.confirm(upload.id, {
            context_type: 'workflow',
            context_id: workflow.id,
          }),
        );
      }
      const first = await client.workflows.uploads(workflow.id, { limit: 2 });
      expect(first.pagination).toMatchObject({ limit: 2, offset: 0, total: 5 });
      const pages: number[] = [];
      for await (const page of first.iterPages()) pages.push(page.data.length);
      expect(pages).toEqual([2, 2, 1]);
      const all: string[] = [];
      for await (const upload of client.workflows.uploads(workflow.id, { limit: 2 }))
        all.push(upload.filename);
      expect(all).toEqual(made.map((upload) => upload.filename).reverse());
    });

    it('confirming before the bytes arrived is a ConflictError; a confirm is never retried', async () => {
      const workflow = await newWorkflow();
      // An upload whose bytes were never sent, made straight against the API.
      const started = await sdk.world.call('POST', '/api/v1/uploads', {
        key: (await sdk.world.createKey(sdk.workspace, { scopes: ['uploads:write'] })).plaintext,
        body: { filename: 'late.txt', category: 'script', size_bytes: 4 },
      });
      const pending = started.body.data.upload as Upload;
      expect(pending.status).toBe('pending');
      const binding = { context_type: 'workflow', context_id: workflow.id } as const;
      const early = await rejection(client.uploads.confirm(pending.id, binding));
      expect(early).toBeInstanceOf(ConflictError);
      expect(early.message).toMatch(/have not arrived/);

      const flaky = sdk.clientFor(
        (await sdk.world.createKey(sdk.workspace, { scopes: ['uploads:write'] })).plaintext,
        { intercept: async () => new Response('unavailable', { status: 503 }) },
      );
      const mark = sdk.requests.length;
      const error = await rejection(flaky.uploads.confirm(pending.id, binding));
      expect(error).toBeInstanceOf(InternalServerError);
      expect(methods(mark)).toEqual(['POST']);
    });

    it("another workspace's upload or workflow is a NotFoundError", async () => {
      const theirs = await sdk.world.createWorkspace('Theirs');
      const them = sdk.clientFor(
        (await sdk.world.createKey(theirs, { scopes: [...UPLOADS_SCOPES] })).plaintext,
      );
      const theirUpload = await them.uploads.create({
        file: BYTES,
        filename: 'a.txt',
        category: 'script',
      });
      const theirWorkflow = await newWorkflow(them);
      const myUpload = await client.uploads.create({
        file: BYTES,
        filename: 'b.txt',
        category: 'script',
      });
      const myWorkflow = await newWorkflow();

      const attempts = [
        client.uploads.confirm(theirUpload.id, {
          context_type: 'workflow',
          context_id: myWorkflow.id,
        }),
        client.uploads.confirm(myUpload.id, {
          context_type: 'workflow',
          context_id: theirWorkflow.id,
        }),
        client.uploads.delete(theirUpload.id),
      ];
      for (const error of await Promise.all(attempts.map(rejection))) {
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error.code).toBe('NOT_FOUND');
      }
      expect(await storedText(theirUpload.id)).toBe(TEXT);
    });

    it('a key without uploads:write is a PermissionDeniedError, before any bytes go out', async () => {
      const reader = await sdk.client(['workflows:read']);
      const mark = sdk.requests.length;
      const error = await rejection(
        reader.uploads.create({ file: BYTES, filename: 'a.txt', category: 'script' }),
      );
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect(error.message).toContain('uploads:write');
      expect(methods(mark)).toEqual(['POST']);
    });

    it.each([
      ['a file name that does not fit the category', { filename: 'voice.mp3' }, 'filename'],
      ['a size over the server limit', { file: new Uint8Array(LIMIT + 1) }, 'size_bytes'],
      ['a malformed content type', { content_type: 'plain text' }, 'content_type'],
    ])('%s is an UnprocessableEntityError, before any bytes go out', async (_, params, field) => {
      const mark = sdk.requests.length;
      const error = await rejection(
        client.uploads.create({ file: BYTES, filename: 'a.txt', category: 'script', ...params }),
      );
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      expect(error.details.map((d: { field: string }) => d.field)).toEqual([field]);
      expect(methods(mark)).toEqual(['POST']);
    });

    it.each([
      ['shorter', 'BadRequestError', BadRequestError, BYTES.byteLength + 5, 400],
      ['longer', 'APIError', APIError, BYTES.byteLength - 5, 413],
    ])(
      'a stream %s than its size_bytes is a %s, and the upload is deleted',
      async (_, __, errorClass, size_bytes, status) => {
        const mark = sdk.requests.length;
        const error = await rejection(
          client.uploads.create({
            file: Readable.from([Buffer.from(TEXT)]),
            filename: 'a.txt',
            category: 'script',
            size_bytes,
          }),
        );
        expect(error).toBeInstanceOf(errorClass);
        expect(error.status).toBe(status);
        expect(methods(mark)).toEqual(['POST', 'PUT', 'DELETE']);
        const id = new URL(sdk.requests.at(-1)?.url ?? '').pathname.split('/').at(-1) ?? '';
        expect(await exists(id)).toBe(false);
      },
    );

    it('retries the PUT of repeatable bytes, never of a stream (whose upload is deleted)', async () => {
      const retrying = await sdk.client([...UPLOADS_SCOPES], { intercept: firstPutUnavailable() });
      let mark = sdk.requests.length;
      const upload = await retrying.uploads.create({
        file: BYTES,
        filename: 'a.txt',
        category: 'script',
      });
      expect(upload.status).toBe('uploaded');
      expect(methods(mark)).toEqual(['POST', 'PUT', 'PUT']);
      expect(await storedText(upload.id)).toBe(TEXT);

      const streaming = await sdk.client([...UPLOADS_SCOPES], { intercept: firstPutUnavailable() });
      mark = sdk.requests.length;
      const error = await rejection(
        streaming.uploads.create({ file: createReadStream(scriptPath), category: 'script' }),
      );
      expect(error).toBeInstanceOf(InternalServerError);
      expect(methods(mark)).toEqual(['POST', 'PUT', 'DELETE']);
      const id = new URL(sdk.requests.at(-1)?.url ?? '').pathname.split('/').at(-1) ?? '';
      expect(await exists(id)).toBe(false);
    });

    it('a PUT whose answer was lost is retried, and the 409 that says the bytes are in is success', async () => {
      let lost = false;
      const losing = await sdk.client([...UPLOADS_SCOPES], {
        intercept: async (request, forward) => {
          const response = await forward(request);
          if (request.method !== 'PUT' || lost) return response;
          // The server took the bytes, then the connection broke before its answer arrived.
          lost = true;
          await response.arrayBuffer();
          throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
        },
      });
      const mark = sdk.requests.length;
      const upload = await losing.uploads.create({ file: scriptPath, category: 'script' });
      expect(methods(mark)).toEqual(['POST', 'PUT', 'PUT']);
      expect(upload).toMatchObject({ filename: 'script.txt', status: 'uploaded' });
      expect(await storedText(upload.id)).toBe(TEXT);
      const workflow = await newWorkflow();
      await expect(
        losing.uploads.confirm(upload.id, { context_type: 'workflow', context_id: workflow.id }),
      ).resolves.toMatchObject({ sha256: SHA256, context_id: workflow.id });
    });

    it('an aborted upload is not cleaned up behind the caller', async () => {
      const controller = new AbortController();
      const aborting = await sdk.client([...UPLOADS_SCOPES], {
        intercept: async (request, forward) => {
          if (request.method !== 'PUT') return forward(request);
          controller.abort();
          return new Promise<Response>(() => {});
        },
      });
      const mark = sdk.requests.length;
      const error = await rejection(
        aborting.uploads.create(
          { file: BYTES, filename: 'a.txt', category: 'script' },
          { signal: controller.signal },
        ),
      );
      expect(error).toBeInstanceOf(APIUserAbortError);
      expect(methods(mark)).toEqual(['POST', 'PUT']);
    });

    it.each([
      [
        'a stream of unknown size',
        () => ({ file: Readable.from(['x']), filename: 'a.txt' }),
        /size_bytes/,
      ],
      ['bytes without a filename', () => ({ file: BYTES }), /filename is required/],
      [
        'a missing file',
        () => ({ file: join(dir, 'missing.txt') }),
        /Cannot read .*missing\.txt \(ENOENT\)/,
      ],
      ['a directory', () => ({ file: dir }), /is not a file/],
      [
        'a number',
        () => ({ file: 42 as unknown as UploadSource, filename: 'a.txt' }),
        /file must be/,
      ],
    ])('refuses %s before any request', async (_, params, message) => {
      const mark = sdk.requests.length;
      const error = await rejection(client.uploads.create({ category: 'script', ...params() }));
      expect(error).toBeInstanceOf(OnePinConfigurationError);
      expect(error.message).toMatch(message);
      expect(methods(mark)).toEqual([]);
    });
  });
}
