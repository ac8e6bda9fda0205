import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyCommand } from './admin/create-key.js';
import { createUserCommand } from './admin/create-user.js';
import { readConfig } from './config.js';
import { type RunningServer, startServer } from './main.js';

/** The real server on a free port: upload URLs must name the port it got, not `:0`. */
describe('startServer with ONEPIN_PORT=0', () => {
  let dataDir: string;
  let server: RunningServer;
  let key: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'onepin-serve-'));
    const config = readConfig({
      ONEPIN_DATA_DIR: dataDir,
      ONEPIN_PORT: '0',
      ONEPIN_LOG_LEVEL: 'silent',
    });
    const printed: string[] = [];
    await createUserCommand(
      config,
      { email: 'serve@example.com', workspace: 'Serve', json: true },
      (line) => printed.push(line),
    );
    const workspaceId = JSON.parse(printed[0] ?? '{}').workspace.id;
    await createKeyCommand(
      config,
      { workspace: workspaceId, name: 'k', scopes: 'uploads:write', type: 'live', json: true },
      { print: (line) => printed.push(line), printError: () => {} },
    );
    key = JSON.parse(printed[1] ?? '{}').api_key;
    server = await startServer(config, { print: () => {} });
  });
  afterAll(async () => {
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('hands out upload URLs that reach this server, and takes the bytes there', async () => {
    const created = await fetch(`${server.url}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ filename: 'a.txt', category: 'script', size_bytes: 5 }),
    });
    expect(created.status).toBe(201);
    const { upload_url: uploadUrl } = ((await created.json()) as any).data;
    expect(uploadUrl.startsWith(`${server.url}/uploads/`)).toBe(true);
    const sent = await fetch(uploadUrl, { method: 'PUT', body: 'hello' });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as any).data.status).toBe('uploaded');
  });
});
