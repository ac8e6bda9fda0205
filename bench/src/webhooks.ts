/**
 * `npm run bench:webhooks`: how fast key events reach their receivers (issue 16), on loopback,
 * against the built server in its own process (SQLite in a temporary directory):
 *
 * - event → webhook delivered: from sending `POST /api/v1/api-keys` to the receiver holding
 *   the signed `api_key.created` for that key;
 * - leak report → key refused: from sending a signed GitHub secret-scanning report (or a
 *   public revocation request) to the first 401 for the leaked key, which had been verified
 *   and cached by the same node just before.
 *
 * It prints the percentiles; bench/RESULTS.md keeps them by hand. Nothing here is part of
 * `npm test`.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describeMachine } from './machine.js';
import { percentile } from './stats.js';

const SERVER_BIN = fileURLToPath(new URL('../../packages/server/dist/bin.js', import.meta.url));
const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 300);
const LEAKS = Number(process.env.BENCH_LEAKS ?? 100);
const KEY_ID = 'bench';

const run = promisify(execFile);

/** A receiver that resolves the waiter of each key id as its event arrives. */
async function startReceiver() {
  const waiting = new Map<string, (at: number) => void>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = performance.now();
      response.writeHead(204).end();
      const event = JSON.parse(Buffer.concat(chunks).toString()) as {
        data: { api_key: { id: string } };
      };
      waiting.get(event.data.api_key.id)?.(at);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    arrival: (keyId: string) => new Promise<number>((resolve) => waiting.set(keyId, resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'onepin-bench-webhooks-'));
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keysFile = join(dir, 'github-keys.json');
  writeFileSync(
    keysFile,
    JSON.stringify({
      public_keys: [
        { key_identifier: KEY_ID, key: publicKey.export({ type: 'spki', format: 'pem' }) },
      ],
    }),
  );
  const env = {
    ...process.env,
    ONEPIN_DATA_DIR: join(dir, 'data'),
    ONEPIN_HOST: '127.0.0.1',
    ONEPIN_PORT: '0',
    ONEPIN_LOG_LEVEL: 'warn',
    ONEPIN_WEBHOOKS_ALLOW_PRIVATE: 'true',
    ONEPIN_SECRET_SCANNING_KEYS_FILE: keysFile,
    ONEPIN_PUBLIC_REVOCATION_LIMIT_PER_MIN: '10000',
    // Each leaked key's 401s count as failed authentications of this address.
    ONEPIN_FAILED_AUTH_LIMIT_PER_MIN: '1000000',
  };
  const admin = async (...args: string[]) =>
    (await run(process.execPath, [SERVER_BIN, 'admin', ...args], { env })).stdout;
  await admin(
    'create-user',
    '--email',
    'bench@example.com',
    '--password',
    'bench password 1',
    '--workspace',
    'Bench',
  );
  const db = (await import('@onepin/db')).openDatabase({ url: join(dir, 'data', 'onepin.db') });
  const workspace = await db.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
  await db.close();
  const made = await admin(
    'create-key',
    '--workspace',
    workspace.id,
    '--name',
    'bench',
    '--scopes',
    'api_keys:read,api_keys:write,webhooks:write',
    '--rate-limit',
    '1000000',
  );
  const adminKey = made.match(/op_live_[0-9A-Za-z]{32}/)?.[0] ?? '';

  const server: ChildProcess = spawn(process.execPath, [SERVER_BIN, 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve) => {
    let out = '';
    server.stdout?.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/listening on (http:\/\/\S+)/)?.[1];
      if (url) resolve(url);
    });
  });
  const call = async (method: string, path: string, body?: unknown, key = adminKey) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  const receiver = await startReceiver();
  try {
    const hook = await call('POST', '/api/v1/webhooks', {
      url: receiver.url,
      events: ['api_key.created'],
    });
    if (hook.status !== 201) throw new Error(`webhook not created: ${JSON.stringify(hook.body)}`);

    const delivered: number[] = [];
    const afterCommit: number[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const started = performance.now();
      const created = await call('POST', '/api/v1/api-keys', { name: `bench ${i}` });
      const answered = performance.now();
      const arrived = await receiver.arrival(created.body.data.id);
      delivered.push(arrived - started);
      afterCommit.push(arrived - answered);
    }

    const refusedGithub: number[] = [];
    const refusedPublic: number[] = [];
    for (let i = 0; i < LEAKS; i++) {
      for (const via of ['github', 'public'] as const) {
        const created = await call('POST', '/api/v1/api-keys', { name: `leak ${via} ${i}` });
        const leaked: string = created.body.data.api_key;
        if ((await call('GET', '/api/v1/auth/whoami', undefined, leaked)).status !== 200) {
          throw new Error(`the fresh key did not work: ${JSON.stringify(created.body)}`);
        }
        const started = performance.now();
        if (via === 'github') {
          const body = JSON.stringify([{ token: leaked, type: 'onepin', url: 'https://x' }]);
          await fetch(`${base}/api/v1/secret-scanning/github`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'github-public-key-identifier': KEY_ID,
              'github-public-key-signature': sign('sha256', Buffer.from(body), privateKey).toString(
                'base64',
              ),
            },
            body,
          });
        } else {
          await fetch(`${base}/api/v1/credentials/revoke`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ credentials: [leaked] }),
          });
        }
        while ((await call('GET', '/api/v1/auth/whoami', undefined, leaked)).status !== 401) {}
        (via === 'github' ? refusedGithub : refusedPublic).push(performance.now() - started);
      }
    }

    const line = (label: string, samples: number[]) => {
      const sorted = Float64Array.from(samples).sort();
      const ms = (q: number) => percentile(sorted, q).toFixed(2);
      return `| ${label} | ${samples.length} | ${ms(0.5)} ms | ${ms(0.95)} ms | ${ms(0.99)} ms |`;
    };
    const machine = describeMachine();
    console.log(
      [
        `Measured on ${machine.cpu} (${machine.cores} cores), ${machine.node}, ${machine.os}; SQLite, one node, loopback.`,
        '',
        '| from → to | samples | p50 | p95 | p99 |',
        '| --- | --- | --- | --- | --- |',
        line('create key sent → `api_key.created` delivered', delivered),
        line('create key answered → `api_key.created` delivered', afterCommit),
        line('GitHub leak report sent → key refused (401)', refusedGithub),
        line('public revocation sent → key refused (401)', refusedPublic),
      ].join('\n'),
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
