import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIUserAbortError,
  ConflictError,
  InternalServerError,
  OnePinConfigurationError,
  type UploadSource,
} from '../index.js';
import { createFakeResourceServer, FAKE_BASE_URL } from '../test-support/fake-resources.js';

// TODO(resources routes): run these against the real app once the server has the routes.

const TEXT = 'Hello from a script.\nSecond line.\n';
const BYTES = new TextEncoder().encode(TEXT);

let dir: string;
let scriptPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onepin-sdk-uploads-'));
  scriptPath = join(dir, 'script.txt');
  await writeFile(scriptPath, TEXT);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('client.uploads.create (against a fake of SPEC §5)', () => {
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

  it.each(sources)('sends the bytes of %s to the signed URL', async (_, source, extra) => {
    const server = createFakeResourceServer();
    const client = server.client();
    const upload = await client.uploads.create({ file: source(), category: 'script', ...extra });
    expect(upload).toMatchObject({
      filename: 'script.txt',
      category: 'script',
      content_type: 'text/plain',
      size_bytes: BYTES.byteLength,
      status: 'uploaded',
    });
    const stored = server.stored.uploads.get(upload.id);
    expect(new TextDecoder().decode(stored?.bytes)).toBe(TEXT);

    const [create, put] = server.requests;
    expect(await create?.json()).toEqual({
      filename: 'script.txt',
      category: 'script',
      size_bytes: BYTES.byteLength,
      content_type: 'text/plain',
    });
    expect(put?.method).toBe('PUT');
    expect(put?.url).toBe(`${FAKE_BASE_URL}/blobs/${upload.id}?signature=s1gned`);
    expect(put?.headers.get('authorization')).toBeNull();
    expect(put?.headers.get('x-workspace-id')).toBeNull();
    expect(put?.headers.get('content-type')).toBe('text/plain');
  });

  it('confirms an upload for a workflow, which then lists it', async () => {
    const client = createFakeResourceServer().client();
    const workflow = await client.workflows.create({ name: 'with files' });
    const upload = await client.uploads.create({ file: scriptPath, category: 'script' });
    const confirmed = await client.uploads.confirm(upload.id, {
      context_type: 'workflow',
      context_id: workflow.id,
    });
    expect(confirmed).toMatchObject({ context_type: 'workflow', context_id: workflow.id });
    const listed = await client.workflows.uploads(workflow.id);
    expect(listed.data.map((u) => u.id)).toEqual([upload.id]);

    await client.uploads.delete(upload.id);
    expect((await client.workflows.uploads(workflow.id)).data).toEqual([]);
  });

  it('confirming before the bytes arrived is a ConflictError', async () => {
    const server = createFakeResourceServer();
    const dropBytes = (request: Request) =>
      request.method === 'PUT' ? new Response(null, { status: 200 }) : undefined;
    const client = server.client({ intercept: dropBytes });
    const upload = await client.uploads.create({
      file: BYTES,
      filename: 'a.txt',
      category: 'script',
    });
    expect(upload.status).toBe('pending');
    await expect(
      client.uploads.confirm(upload.id, { context_type: 'workflow', context_id: 'w' }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('infers the content type from the extension, and reports progress', async () => {
    const server = createFakeResourceServer();
    const progress: [number, number][] = [];
    const upload = await server.client().uploads.create({
      file: new Uint8Array(3000),
      filename: 'voice.MP3',
      category: 'dictionary',
      onProgress: (sent, total) => progress.push([sent, total]),
    });
    expect(upload.content_type).toBe('audio/mpeg');
    expect(progress.at(-1)).toEqual([3000, 3000]);
  });

  it('retries the PUT of repeatable bytes, and never of a stream', async () => {
    const flaky = () => {
      let failed = false;
      return (request: Request) => {
        if (request.method !== 'PUT' || failed) return undefined;
        failed = true;
        return new Response('unavailable', { status: 503 });
      };
    };
    const server = createFakeResourceServer();
    const upload = await server
      .client({ intercept: flaky() })
      .uploads.create({ file: BYTES, filename: 'a.txt', category: 'script' });
    expect(upload.status).toBe('uploaded');
    expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);

    const streamed = createFakeResourceServer();
    const error = await streamed
      .client({ intercept: flaky() })
      .uploads.create({ file: createReadStream(scriptPath), category: 'script' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(streamed.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    // The half-made upload is deleted.
    expect(streamed.requests.at(-1)?.method).toBe('DELETE');
    expect(streamed.stored.uploads.size).toBe(0);
  });

  it('an aborted upload is not cleaned up behind the caller', async () => {
    const server = createFakeResourceServer();
    const controller = new AbortController();
    const client = server.client({
      intercept: (request) => {
        if (request.method === 'PUT') controller.abort();
        return undefined;
      },
    });
    const error = await client.uploads
      .create({ file: BYTES, filename: 'a.txt', category: 'script' }, { signal: controller.signal })
      .catch((e) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'PUT']);
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
    [
      'a number',
      () => ({ file: 42 as unknown as UploadSource, filename: 'a.txt' }),
      /file must be/,
    ],
  ])('refuses %s before any request', async (_, params, message) => {
    const server = createFakeResourceServer();
    const error = await server
      .client()
      .uploads.create({ category: 'script', ...params() })
      .catch((e) => e);
    expect(error).toBeInstanceOf(OnePinConfigurationError);
    expect(error.message).toMatch(message);
    expect(server.requests).toEqual([]);
  });
});
