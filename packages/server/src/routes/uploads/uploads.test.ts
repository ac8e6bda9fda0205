import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { LocalDirectoryBlobStore } from '../../blob-store/local-directory.js';
import { createAppDeps } from '../../deps.js';
import { filesUnder } from '../../test-support/files.js';
import { SAMPLE_DEFINITION, uniqueName } from '../../test-support/resources.js';
import { createTestWorld, type TestWorkspace, type TestWorld } from '../../test-support/world.js';

const PUBLIC_URL = 'https://onepin.example';
const LIMIT = 2 * 1024 * 1024;
const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A body that sends `first`, then fails like a dropped connection. */
function brokenStream(first: string): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (sent) controller.error(new Error('socket hang up'));
      else controller.enqueue(new TextEncoder().encode(first));
      sent = true;
    },
  });
}

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: uploads API`, () => {
    let world: TestWorld;
    let blobDir: string;
    let workspace: TestWorkspace;
    let key: string;

    beforeAll(async () => {
      blobDir = await mkdtemp(join(tmpdir(), 'onepin-uploads-'));
      world = await createTestWorld(dialect, {
        blobStore: new LocalDirectoryBlobStore(blobDir),
        settings: { publicUrl: PUBLIC_URL, uploadMaxBytes: LIMIT },
      });
      workspace = await world.createWorkspace('Uploads');
      key = (
        await world.createKey(workspace, {
          scopes: ['uploads:write', 'workflows:read', 'workflows:write', 'workspace:read'],
        })
      ).plaintext;
    });
    afterAll(async () => {
      await world?.dispose();
      if (blobDir) await rm(blobDir, { recursive: true, force: true });
    });

    const call = (method: string, path: string, body?: unknown) =>
      world.call(method, path, { key, ...(body !== undefined && { body }) });

    async function startUpload(body: Record<string, unknown> = {}) {
      const response = await call('POST', '/api/v1/uploads', {
        filename: 'episode.srt',
        category: 'script',
        size_bytes: 11,
        ...body,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.data as { upload: any; upload_url: string; expires_at: string };
    }

    /** PUTs to an upload URL the way a client would: no API key. */
    async function put(
      uploadUrl: string,
      body: string | Uint8Array | ReadableStream<Uint8Array> | null,
      headers: Record<string, string> = {},
      app: Pick<TestWorld['app'], 'request'> = world.app,
    ) {
      const url = new URL(uploadUrl);
      const init: RequestInit & { duplex?: 'half' } = { method: 'PUT', headers };
      if (body !== null) init.body = body;
      if (body instanceof ReadableStream) init.duplex = 'half';
      const response = await app.request(`${url.pathname}${url.search}`, init);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    }

    async function workflow() {
      const response = await call('POST', '/api/v1/workflows', {
        name: uniqueName(),
        definition: SAMPLE_DEFINITION,
      });
      return response.body.data as { id: string };
    }

    const blobPath = (id: string) => join(blobDir, id.slice(0, 2), id);

    describe('the whole flow', () => {
      it('goes create → PUT → confirm → listed under its workflow', async () => {
        const target = await workflow();
        const created = await startUpload({ filename: 'Episode 12 (final).SRT' });
        expect(created.upload).toMatchObject({
          workspace_id: workspace.id,
          environment: 'live',
          filename: 'Episode 12 (final).SRT',
          category: 'script',
          content_type: 'application/x-subrip',
          format: 'srt',
          size_bytes: 11,
          status: 'pending',
          sha256: null,
          context_type: null,
          context_id: null,
          user_id: workspace.userId,
          download_url: null,
        });
        const url = new URL(created.upload_url);
        expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC_URL}/uploads/${created.upload.id}`);
        expect(url.searchParams.get('signature')).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(Date.parse(created.expires_at) - world.clock.now()).toBe(15 * 60 * 1000);

        const sent = await put(created.upload_url, 'hello world');
        expect(sent.status).toBe(200);
        expect(sent.body.data).toMatchObject({
          id: created.upload.id,
          status: 'uploaded',
          sha256: sha256('hello world'),
        });
        expect(await readFile(blobPath(created.upload.id), 'utf8')).toBe('hello world');

        const confirmed = await call('POST', `/api/v1/uploads/${created.upload.id}`, {
          context_type: 'workflow',
          context_id: target.id,
        });
        expect(confirmed.status).toBe(200);
        expect(confirmed.body.data).toMatchObject({
          status: 'uploaded',
          context_type: 'workflow',
          context_id: target.id,
        });

        const listed = await call('GET', `/api/v1/workflows/${target.id}/uploads`);
        expect(listed.status).toBe(200);
        expect(listed.body.data).toEqual([confirmed.body.data]);
        expect(listed.body.pagination.total).toBe(1);

        const activity = await call('GET', '/api/v1/activity?limit=100');
        expect(
          activity.body.data.find((e: any) => e.target?.id === created.upload.id),
        ).toMatchObject({
          type: 'upload_confirmed',
          metadata: { filename: 'Episode 12 (final).SRT', context_id: target.id },
        });
      });

      it('streams a body larger than the 1 MiB JSON limit of /api/v1', async () => {
        const bytes = new Uint8Array(1_500_000).fill(7);
        const created = await startUpload({
          filename: 'voice.wav',
          category: 'dictionary',
          size_bytes: bytes.length,
        });
        expect(created.upload.content_type).toBe('audio/wav');
        const sent = await put(created.upload_url, bytes);
        expect(sent.status).toBe(200);
        expect(sent.body.data.sha256).toBe(sha256(bytes));
      });

      it('accepts the bytes as a stream without Content-Length', async () => {
        const created = await startUpload({ size_bytes: 6 });
        const sent = await put(created.upload_url, new Blob(['abc', 'def']).stream());
        expect(sent.status).toBe(200);
        expect(sent.body.data.sha256).toBe(sha256('abcdef'));
      });

      it('keeps a declared content type', async () => {
        const created = await startUpload({ content_type: 'text/plain; charset=utf-8' });
        expect(created.upload.content_type).toBe('text/plain; charset=utf-8');
      });
    });

    describe('the signed URL', () => {
      const tamper = (uploadUrl: string, change: (url: URL) => void) => {
        const url = new URL(uploadUrl);
        change(url);
        return url.toString();
      };

      it.each([
        ['a forged signature', (u: URL) => u.searchParams.set('signature', 'A'.repeat(43))],
        ['no signature', (u: URL) => u.searchParams.delete('signature')],
        ['no expiry', (u: URL) => u.searchParams.delete('expires')],
        [
          'an expiry moved later',
          (u: URL) =>
            u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 3600)),
        ],
        ['an expiry that is not a number', (u: URL) => u.searchParams.set('expires', '1e12')],
      ])('refuses %s with 403, storing nothing', async (_label, change) => {
        const created = await startUpload();
        const sent = await put(tamper(created.upload_url, change), 'hello world');
        expect(sent.status).toBe(403);
        expect(sent.body.error.code).toBe('FORBIDDEN');
        expect(await filesUnder(blobDir)).not.toContainEqual(
          expect.stringContaining(created.upload.id),
        );
        expect(await filesUnder(join(blobDir, '.staging'))).toEqual([]);
      });

      it("refuses one upload's signature on another upload", async () => {
        const first = await startUpload();
        const second = await startUpload();
        const signature = new URL(first.upload_url).searchParams.get('signature') ?? '';
        const url = tamper(second.upload_url, (u) => u.searchParams.set('signature', signature));
        expect((await put(url, 'hello world')).status).toBe(403);
      });

      it('works until 15 minutes have passed, and is refused after', async () => {
        const early = await startUpload();
        const late = await startUpload();
        world.clock.advance(15 * 60 * 1000 - 1000);
        expect((await put(early.upload_url, 'hello world')).status).toBe(200);
        world.clock.advance(1000);
        const refused = await put(late.upload_url, 'hello world');
        expect(refused.status).toBe(403);
        expect(refused.body.error.message).toMatch(/expired/);
      });

      it('is good for one upload: a second PUT is a 409 and changes nothing', async () => {
        const created = await startUpload();
        expect((await put(created.upload_url, 'hello world')).status).toBe(200);
        const again = await put(created.upload_url, 'HELLO WORLD');
        expect(again.status).toBe(409);
        expect(again.body.error.code).toBe('CONFLICT');
        expect(await readFile(blobPath(created.upload.id), 'utf8')).toBe('hello world');
      });

      it('lets only one of two concurrent transfers land', async () => {
        const created = await startUpload();
        const results = await Promise.all([
          put(created.upload_url, 'hello world'),
          put(created.upload_url, 'HELLO WORLD'),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const winner = results.find((r) => r.status === 200)?.body.data.sha256;
        expect(sha256(await readFile(blobPath(created.upload.id)))).toBe(winner);
        expect(await filesUnder(join(blobDir, '.staging'))).toEqual([]);
      });

      it('answers 404 once the upload is deleted', async () => {
        const created = await startUpload();
        expect((await call('DELETE', `/api/v1/uploads/${created.upload.id}`)).status).toBe(200);
        expect((await put(created.upload_url, 'hello world')).status).toBe(404);
      });
    });

    describe('sizes', () => {
      it.each([
        ['one byte more than declared', 'hello world!', 413],
        ['one byte less than declared', 'hello worl', 400],
        ['no body at all', null, 400],
      ])('refuses %s, leaves no file, and keeps the URL usable', async (_label, body, status) => {
        const created = await startUpload();
        const sent = await put(created.upload_url, body);
        expect(sent.status).toBe(status);
        expect(await filesUnder(blobDir)).not.toContainEqual(
          expect.stringContaining(created.upload.id),
        );
        expect(await filesUnder(join(blobDir, '.staging'))).toEqual([]);
        expect((await put(created.upload_url, 'hello world')).status).toBe(200);
      });

      it('refuses a stream longer than declared while it streams (413), leaving no file', async () => {
        const created = await startUpload();
        const sent = await put(created.upload_url, new Blob(['hello ', 'world', '!!!']).stream());
        expect(sent.status).toBe(413);
        expect(sent.body.error.code).toBe('PAYLOAD_TOO_LARGE');
        expect(await filesUnder(join(blobDir, '.staging'))).toEqual([]);
        expect(await filesUnder(blobDir)).not.toContainEqual(
          expect.stringContaining(created.upload.id),
        );
      });

      it.each([
        ['larger', '12', 413],
        ['smaller', '10', 400],
        ['not a number', 'eleven', 400],
      ])('refuses a Content-Length %s than declared before reading', async (_l, length, status) => {
        const created = await startUpload();
        const sent = await put(created.upload_url, new Blob(['hello world']).stream(), {
          'content-length': length,
        });
        expect(sent.status).toBe(status);
      });

      it('stops at the server limit even when it shrank after the upload was made', async () => {
        const created = await startUpload({ size_bytes: 11 });
        // The server restarted with a lower limit: same database, secret and blob directory.
        const restarted = buildApp(
          createAppDeps({ ...world.deps, settings: { ...world.deps.settings, uploadMaxBytes: 5 } }),
        );
        const sent = await put(
          created.upload_url,
          new Blob(['hello world']).stream(),
          {},
          restarted,
        );
        expect(sent.status).toBe(413);
        expect(sent.body.error.message).toMatch(/server's upload limit \(5 bytes\)/);
        expect(await filesUnder(blobDir)).not.toContainEqual(
          expect.stringContaining(created.upload.id),
        );
        expect(await filesUnder(join(blobDir, '.staging'))).toEqual([]);
      });

      it('answers 400 when the client breaks off, leaving no file', async () => {
        const created = await startUpload();
        const sent = await put(created.upload_url, brokenStream('hello'));
        expect(sent.status).toBe(400);
        expect(await filesUnder(join(blobDir, '.staging'))).toEqual([]);
      });

      it('takes an upload without size_bytes (as the official clients send it): any size up to the limit', async () => {
        const created = await startUpload({ size_bytes: undefined });
        expect(created.upload).toMatchObject({
          size_bytes: null,
          format: 'srt',
          status: 'pending',
        });
        const sent = await put(created.upload_url, 'hello, whole world');
        expect(sent.status).toBe(200);
        expect(sent.body.data).toMatchObject({
          size_bytes: 18,
          sha256: sha256('hello, whole world'),
        });
        expect(await readFile(blobPath(created.upload.id), 'utf8')).toBe('hello, whole world');
      });

      it.each([
        ['a body over the server limit', 'x'.repeat(LIMIT + 1), 413],
        ['an empty body', '', 400],
      ])('refuses, without size_bytes, %s and leaves no file', async (_label, body, status) => {
        const created = await startUpload({ size_bytes: undefined });
        const sent = await put(created.upload_url, new Blob([body]).stream());
        expect(sent.status).toBe(status);
        expect(await filesUnder(join(blobDir, '.staging'))).toEqual([]);
        expect(await filesUnder(blobDir)).not.toContainEqual(
          expect.stringContaining(created.upload.id),
        );
        const length = await put(created.upload_url, body, {
          'content-length': String(body.length),
        });
        expect(length.status).toBe(status);
      });

      it('refuses to start an upload above the server limit with 422 on size_bytes', async () => {
        const response = await call('POST', '/api/v1/uploads', {
          filename: 'big.wav',
          category: 'dictionary',
          size_bytes: LIMIT + 1,
        });
        expect(response.status).toBe(422);
        expect(response.body.error.details).toEqual([
          {
            field: 'size_bytes',
            message: `must be at most 2 MiB (${LIMIT} bytes, the server's limit)`,
          },
        ]);
      });
    });

    describe('validation of a new upload', () => {
      it.each([
        ['a script with an audio extension', { filename: 'voice.mp3' }, 'filename'],
        ['a dictionary with a text extension', { category: 'dictionary' }, 'filename'],
        ['no extension', { filename: 'README' }, 'filename'],
        ['an extension alone', { filename: '.txt' }, 'filename'],
        ['a path', { filename: 'scripts/episode.srt' }, 'filename'],
        ['a Windows path', { filename: 'C:\\scripts\\episode.srt' }, 'filename'],
        ['a traversal', { filename: '../../etc/passwd.txt' }, 'filename'],
        ['dot-dot without a slash', { filename: '..episode.srt' }, 'filename'],
        ['a NUL byte', { filename: 'episode.srt\u0000.exe' }, 'filename'],
        ['a newline', { filename: 'episode\n.srt' }, 'filename'],
        ['a right-to-left override', { filename: 'invoice\u202Etxt.exe.srt' }, 'filename'],
        ['a leading space', { filename: ' episode.srt' }, 'filename'],
        ['a name over 255 characters', { filename: `${'e'.repeat(252)}.srt` }, 'filename'],
        ['an empty name', { filename: '' }, 'filename'],
        ['an unknown category', { category: 'video' }, 'category'],
        ['a size of zero', { size_bytes: 0 }, 'size_bytes'],
        ['a fractional size', { size_bytes: 1.5 }, 'size_bytes'],
        ['a size as a string', { size_bytes: '11' }, 'size_bytes'],
        ['a malformed content type', { content_type: 'text plain' }, 'content_type'],
        ['a content type with markup', { content_type: 'text/html<script>' }, 'content_type'],
        ['an unknown field', { path: '/tmp/x' }, 'path'],
      ])('refuses %s with 422 naming the field', async (_label, override, field) => {
        const response = await call('POST', '/api/v1/uploads', {
          filename: 'episode.srt',
          category: 'script',
          size_bytes: 11,
          ...override,
        });
        expect(response.status).toBe(422);
        expect(response.body.error.details.map((d: any) => d.field)).toContain(field);
      });

      it.each([
        'notes.TXT',
        'lines.csv',
        'data.json',
        'course.xliff',
        'draft v2.docx',
        'ünïcode.txt',
      ])('accepts the script file name %j', async (filename) => {
        await startUpload({ filename });
      });
    });

    describe('confirm', () => {
      it('refuses to confirm before the bytes arrived with 409', async () => {
        const target = await workflow();
        const created = await startUpload();
        const response = await call('POST', `/api/v1/uploads/${created.upload.id}`, {
          context_type: 'workflow',
          context_id: target.id,
        });
        expect(response.status).toBe(409);
        expect(response.body.error.message).toMatch(/not arrived/);
      });

      it('is harmless twice with one workflow, and a 409 with another', async () => {
        const [first, second] = [await workflow(), await workflow()];
        const created = await startUpload();
        await put(created.upload_url, 'hello world');
        const path = `/api/v1/uploads/${created.upload.id}`;
        const body = (id: string) => ({ context_type: 'workflow', context_id: id });
        const confirmed = await call('POST', path, body(first.id));
        expect(confirmed.status).toBe(200);
        const again = await call('POST', path, body(first.id));
        expect(again.status).toBe(200);
        expect(again.body.data).toEqual(confirmed.body.data);
        expect((await call('POST', path, body(second.id))).status).toBe(409);
      });

      it.each([
        ['a missing workflow', async () => '00000000-0000-4000-8000-000000000000'],
        ['an id that cannot be one', async () => '../../etc/passwd'],
        [
          'a deleted workflow',
          async () => {
            const target = await workflow();
            await call('DELETE', `/api/v1/workflows/${target.id}`);
            return target.id;
          },
        ],
      ])('answers 404 for %s', async (_label, workflowId) => {
        const created = await startUpload();
        await put(created.upload_url, 'hello world');
        const response = await call('POST', `/api/v1/uploads/${created.upload.id}`, {
          context_type: 'workflow',
          context_id: await workflowId(),
        });
        expect(response.status).toBe(404);
        expect(response.body.error.message).toBe('Workflow not found.');
      });

      it.each([
        ['playground', 'Playground not found'],
        ['assistant_session', 'Assistant session not found'],
      ])(
        'accepts the official context %s, which does not exist here: 404',
        async (type, message) => {
          const created = await startUpload();
          await put(created.upload_url, 'hello world');
          const response = await call('POST', `/api/v1/uploads/${created.upload.id}`, {
            context_type: type,
            context_id: 'x',
          });
          expect(response.status).toBe(404);
          expect(response.body.error.code).toBe('NOT_FOUND');
          expect(response.body.error.message).toMatch(new RegExp(`^${message}`));
        },
      );

      it.each([
        [{ context_type: 'project', context_id: 'x' }, 'context_type'],
        [{ context_type: 'workflow' }, 'context_id'],
        [{ context_type: 'workflow', context_id: '' }, 'context_id'],
        [{ context_type: 'workflow', context_id: 7 }, 'context_id'],
      ])('refuses the body %j with 422', async (body, field) => {
        const created = await startUpload();
        const response = await call('POST', `/api/v1/uploads/${created.upload.id}`, body);
        expect(response.status).toBe(422);
        expect(response.body.error.details[0].field).toBe(field);
      });
    });

    describe('delete', () => {
      it('removes the row and the blob, and records it', async () => {
        const target = await workflow();
        const created = await startUpload();
        await put(created.upload_url, 'hello world');
        await call('POST', `/api/v1/uploads/${created.upload.id}`, {
          context_type: 'workflow',
          context_id: target.id,
        });
        const response = await call('DELETE', `/api/v1/uploads/${created.upload.id}`);
        expect(response.status).toBe(200);
        expect(response.body.data).toEqual({ id: created.upload.id, deleted: true });
        expect(await filesUnder(blobDir)).not.toContainEqual(
          expect.stringContaining(created.upload.id),
        );
        expect((await call('GET', `/api/v1/workflows/${target.id}/uploads`)).body.data).toEqual([]);
        expect((await call('DELETE', `/api/v1/uploads/${created.upload.id}`)).status).toBe(404);
        const activity = await call('GET', '/api/v1/activity?limit=100');
        expect(
          activity.body.data
            .filter((e: any) => e.target?.id === created.upload.id)
            .map((e: any) => e.type),
        ).toContain('upload_deleted');
      });

      it('deletes a pending upload too', async () => {
        const created = await startUpload();
        expect((await call('DELETE', `/api/v1/uploads/${created.upload.id}`)).status).toBe(200);
      });
    });
  });
}
