import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopAllServers } from './helpers/server-process.js';
import {
  REPO_ROOT,
  type ServiceProcess,
  startService,
  startVerifyWorld,
  type VerifyWorld,
} from './helpers/verify-world.js';

// README → "Protect your own service": every TypeScript block of the section is run as the
// reader would run it (`npx tsx service.ts`), against the built OnePin server, and called.

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Protect your own service'),
  readme.indexOf('\n## ', readme.indexOf('## Protect your own service') + 3),
);
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const frameworkOf = (code: string) => /from '@onepin\/verify\/(\w+)'/.exec(code)?.[1] ?? '?';

interface Envelope {
  error: { code: string; message: string };
}

let world: VerifyWorld;
const services: ServiceProcess[] = [];
const dir = join(REPO_ROOT, 'test-artifacts', 'verify-readme');

beforeAll(async () => {
  world = await startVerifyWorld('verify-readme');
  mkdirSync(dir, { recursive: true });
}, 60_000);

afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await world?.dispose();
  await stopAllServers();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('README: Protect your own service', () => {
  it('has one runnable example per framework', () => {
    expect(blocks.map(frameworkOf)).toEqual(['hono', 'express', 'fastify']);
    for (const block of blocks) expect(block.trim().split('\n').length).toBeLessThanOrEqual(20);
  });

  it.each(blocks.map((code) => [frameworkOf(code), code]))(
    'the %s example protects /reports',
    async (framework, code) => {
      const file = join(dir, `${framework}.ts`);
      writeFileSync(file, code);
      const port = await freePort();
      const { service } = await startService(
        file,
        {
          ONEPIN_URL: world.server.url,
          ONEPIN_SERVICE_TOKEN: world.serviceToken,
          PORT: String(port),
        },
        null,
      );
      services.push(service);
      const url = `http://127.0.0.1:${port}/reports`;
      // The examples print nothing: wait until the port answers.
      const deadline = Date.now() + 20_000;
      for (;;) {
        const answered = await fetch(url).then(
          () => true,
          () => false,
        );
        if (answered) break;
        if (Date.now() > deadline)
          throw new Error(`${framework} never listened:\n${service.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const call = (key?: string) =>
        fetch(url, key ? { headers: { authorization: `Bearer ${key}` } } : {});

      const none = await call();
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="onepin"');
      expect(((await none.json()) as Envelope).error.code).toBe('INVALID_API_KEY');

      const reader = await world.createKey(['workflows:read']);
      const ok = await call(reader.plaintext);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ workspace: world.workspaceName });

      const other = await world.createKey(['templates:read']);
      const forbidden = await call(other.plaintext);
      expect(forbidden.status).toBe(403);
      expect(((await forbidden.json()) as Envelope).error).toMatchObject({
        code: 'INSUFFICIENT_SCOPE',
        message: 'This API key lacks the required scope: workflows:read.',
      });

      await world.revoke(reader.id);
      const until = Date.now() + 2000;
      let status = 200;
      while (status === 200 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = (await call(reader.plaintext)).status;
      }
      expect(status).toBe(401);
    },
    60_000,
  );
});
