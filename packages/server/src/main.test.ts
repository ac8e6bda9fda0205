import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@onepin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directServiceDeps } from './admin/admin-context.js';
import { readConfig } from './config.js';
import { type RunningServer, startServer } from './main.js';
import { createUserWithWorkspace } from './services/accounts.js';
import { createApiKey, FULL_AUTHORITY } from './services/api-keys.js';

/** Sends raw bytes and collects the answer until the server closes the connection. */
function exchange(url: string, chunks: string[], gapMs = 0, timeoutMs = 5_000) {
  const { hostname, port } = new URL(url);
  return new Promise<{ text: string; ms: number }>((resolve) => {
    const started = performance.now();
    const socket = connect(Number(port), hostname);
    let text = '';
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, ms: performance.now() - started });
    });
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
  });
}

describe('the HTTP server', () => {
  let directory: string;
  let server: RunningServer;
  let key: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'onepin-main-'));
    const databaseUrl = `sqlite:${join(directory, 'onepin.db')}`;
    const config = readConfig({
      ONEPIN_PORT: '0',
      ONEPIN_DATA_DIR: directory,
      ONEPIN_DATABASE_URL: databaseUrl,
      ONEPIN_LOG_LEVEL: 'silent',
    });
    server = await startServer(config, {
      print: () => {},
      httpLimits: { headersTimeoutMs: 400, requestTimeoutMs: 800, timeoutCheckIntervalMs: 100 },
    });
    const database = openDatabase({ url: databaseUrl });
    try {
      const deps = directServiceDeps(database);
      const { user, workspace } = await createUserWithWorkspace(deps, {
        email: 'owner@example.com',
        workspaceName: 'Main',
      });
      const actor = {
        type: 'system' as const,
        id: null,
        name: 'test',
        workspaceId: workspace.id,
        userId: user.id,
      };
      key = (
        await createApiKey(deps, actor, FULL_AUTHORITY, { name: 'k', scopes: ['api_keys:write'] })
      ).plaintext;
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers with the security headers and a request id over real HTTP', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('drops a client that sends its headers too slowly', async () => {
    const { text, ms } = await exchange(
      server.url,
      ['GET /health HTTP/1.1\r\n', 'Host: x\r\n'],
      50,
    );
    expect(text).toMatch(/^HTTP\/1\.1 408|^$/);
    expect(ms).toBeLessThan(2_000);
  });

  it('drops a client that sends its body too slowly', async () => {
    const head =
      'POST /api/v1/api-keys HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      `Authorization: Bearer ${key}\r\nContent-Length: 100\r\n\r\n`;
    const { text, ms } = await exchange(server.url, [head, '{', '"'], 100);
    expect(text.slice(0, 12)).toBe('HTTP/1.1 408');
    expect(ms).toBeGreaterThan(700);
    expect(ms).toBeLessThan(2_500);
  });

  it('refuses oversized headers with 431 and keeps serving', async () => {
    const { text } = await exchange(server.url, [
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]);
    expect(text).toMatch(/^HTTP\/1\.1 431/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it.each([
    ['a garbage request line', 'HELLO\r\n\r\n'],
    ['a bad HTTP version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n'],
    ['a header without a colon', 'GET /health HTTP/1.1\r\nHost x\r\n\r\n'],
    [
      'conflicting lengths',
      'POST /api/v1/api-keys HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ],
  ])('answers %s with a 4xx and no details', async (_label, request) => {
    const { text } = await exchange(server.url, [request]);
    expect(text).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(text).not.toMatch(/at .*:\d+:\d+|Error:/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
