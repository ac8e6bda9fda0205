import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../e2e/helpers/environment.js';
import { expectNoKeysStored } from '../e2e/helpers/no-keys-stored.js';
import { stopAllServers } from '../e2e/helpers/server-process.js';
import { openApiDocument } from '../packages/server/src/openapi.js';
import { NOT_PROVIDED } from '../packages/server/src/routes/not-provided.js';
import { createTestWorld } from '../packages/server/src/test-support/world.js';
import {
  type CaseContext,
  OFFICIAL_DEFINITION,
  SDK_CASES,
  TEMPLATE_ID,
} from './cases/sdk-cases.js';
import { officialCli } from './harness/official-cli.js';
import { officialOperations, ourOperationFor } from './harness/official-operations.js';
import { SdkDriver } from './harness/sdk-driver.js';
import { startTarget, type Target } from './harness/target.js';
import { preparePythonEnv } from './python-env.js';

/*
 * The official OnePin Python SDK and CLI (compat/vendor/onepin-python, unmodified) against
 * the built server, on SQLite and on PostgreSQL: every official operation that maps onto one
 * of our routes has a case, and every other one is listed as not provided.
 */

const python = await preparePythonEnv();
if (!python.ok) {
  const message = `the official-client compatibility suite cannot run: ${python.reason}`;
  if (process.env.CI === 'true') throw new Error(`CI requires Python: ${message}`);
  console.warn(`\n*** SKIPPED: ${message} (it is required in CI) ***\n`);
}

const DIALECTS = [
  ['sqlite', undefined],
  ['postgres', TEST_DATABASE_URL],
] as const;

let unique = 0;
const uniqueName = (prefix: string) => `${prefix} ${process.pid}-${++unique}`;

describe.skipIf(!python.ok).each(DIALECTS)(
  'official client against the server (%s)',
  (dialect, pgUrl) => {
    const available = dialect === 'sqlite' || pgUrl !== undefined;
    let target: Target;
    let sdk: SdkDriver;
    let ctx: CaseContext;
    let home: string;
    let cli: ReturnType<typeof officialCli>;
    const bin = python.ok ? python.bin : '';

    beforeAll(async () => {
      if (!available) return;
      target = await startTarget(dialect, pgUrl);
      sdk = new SdkDriver(bin, target.baseUrl);
      ctx = {
        sdk,
        target,
        key: { token: target.apiKey },
        session: target.session,
        unique: uniqueName,
      };
      home = await mkdtemp(join(tmpdir(), 'onepin-compat-home-'));
      cli = officialCli(bin, { home, apiKey: target.apiKey, baseUrl: target.baseUrl });
    }, 120_000);

    afterAll(async () => {
      await sdk?.close();
      if (target) await expectNoKeysStored(target.databaseUrl);
      await target?.dispose();
      await stopAllServers();
      if (home) await rm(home, { recursive: true, force: true });
    });

    describe.skipIf(!available)('the official SDK', () => {
      it.each(Object.keys(SDK_CASES))(
        '%s',
        async (operation) => {
          await SDK_CASES[operation]?.(ctx);
        },
        60_000,
      );
    });

    describe.skipIf(!available)('the official CLI', () => {
      const run = (...args: string[]) => cli(['--json', ...args]);
      const ok = async (...args: string[]) => {
        const result = await run(...args);
        expect(result.code, `${args.join(' ')}: ${result.stderr}${result.stdout}`).toBe(0);
        return result.json();
      };

      it('login validates the key, whoami shows it, logout forgets it', async () => {
        const login = await cli(['login', '--key', target.apiKey, '--base-url', target.baseUrl]);
        expect(login.code, login.stderr + login.stdout).toBe(0);
        const whoami = await cli(['whoami']);
        expect(whoami.code).toBe(0);
        expect(whoami.stdout).toContain(target.workspaceId);
        expect((await cli(['logout'])).code).toBe(0);
      });

      it('workflows create, list, show, update, duplicate, uploads and delete', async () => {
        const file = join(home, 'definition.json');
        await writeFile(file, JSON.stringify(OFFICIAL_DEFINITION));
        const name = uniqueName('CLI');
        const created = await ok('workflows', 'create', '--name', name, '--definition', `@${file}`);
        expect(created).toMatchObject({
          name,
          definition: OFFICIAL_DEFINITION,
          user_id: target.owner.id,
        });

        const listed = await ok(
          'workflows',
          'list',
          '--search',
          name,
          '--sort',
          'name',
          '--status',
          'draft',
        );
        expect(listed.map((w: any) => w.id)).toEqual([created.id]);
        expect(await ok('workflows', 'show', created.id)).toMatchObject({ id: created.id, name });
        expect(
          await ok('workflows', 'update', created.id, '--description', 'from the CLI'),
        ).toMatchObject({
          description: 'from the CLI',
        });
        const copy = await ok('workflows', 'duplicate', created.id);
        expect(copy.name).toBe(`${name} (Copy)`);
        expect(await ok('workflows', 'uploads', created.id)).toEqual([]);
        expect(await ok('workflows', 'delete', copy.id, '--yes')).toEqual({
          ok: true,
          id: copy.id,
        });
        const gone = await run('workflows', 'show', copy.id);
        expect(gone.code).toBe(1);
      }, 120_000);

      it('templates list, show and clone', async () => {
        const listed = await ok('templates', 'list', '--sort', 'popular', '--category', 'media');
        expect(listed.map((t: any) => t.id)).toEqual([TEMPLATE_ID]);
        expect(await ok('templates', 'show', TEMPLATE_ID)).toMatchObject({ id: TEMPLATE_ID });
        const name = uniqueName('CLI clone');
        expect(await ok('templates', 'clone', TEMPLATE_ID, '--name', name)).toMatchObject({ name });
      }, 120_000);

      it('uploads create (bytes through the signed URL), confirm and delete', async () => {
        const workflow = await ok('workflows', 'create', '--name', uniqueName('CLI uploads'));
        const file = join(home, 'script.txt');
        await writeFile(file, 'Hello from the official CLI.\n');
        const created = await ok('uploads', 'create', '--file', file, '--category', 'script');
        expect(created).toEqual({ ok: true, id: expect.any(String) });
        const confirmed = await ok('uploads', 'confirm', created.id, '--workflow-id', workflow.id);
        expect(confirmed).toMatchObject({ id: created.id, status: 'uploaded', size_bytes: 29 });
        const listed = await ok('workflows', 'uploads', workflow.id);
        expect(listed.map((u: any) => u.id)).toEqual([created.id]);
        expect(await ok('uploads', 'delete', created.id, '--yes')).toEqual({
          ok: true,
          id: created.id,
        });
        expect(await readFile(file, 'utf8')).toBe('Hello from the official CLI.\n');
      }, 120_000);

      it('workspace show and list, usage activity', async () => {
        expect(await ok('workspace', 'show', target.workspaceId)).toMatchObject({
          id: target.workspaceId,
          name: 'Acme Voice',
        });
        expect((await ok('workspace', 'list')).map((w: any) => w.id)).toEqual([target.workspaceId]);
        const activity = await ok(
          'usage',
          'activity',
          '--range',
          '30d',
          '--type',
          'api_key_created',
        );
        expect(activity.map((e: any) => e.action)).toEqual(['api_key_created']);
      }, 120_000);

      it('members revoke-invite, invite-role and accept reach their routes (a key gets 403: they are for signed-in people)', async () => {
        const commands = [
          ['workspace', 'members', 'revoke-invite', target.workspaceId, 'x1', '--yes'],
          ['workspace', 'members', 'invite-role', target.workspaceId, 'x1', '--role', 'editor'],
          ['workspace', 'members', 'accept', 'x1'],
        ];
        for (const command of commands) {
          const result = await run(...command);
          const said = result.stderr + result.stdout;
          expect(result.code, said).toBe(1);
          expect(said).toContain('FORBIDDEN');
          expect(said).toContain('signed-in dashboard session');
          expect(said).not.toContain('NOT_PROVIDED');
        }
      }, 120_000);

      it('says clearly when a resource is not provided here', async () => {
        const voices = await run('voices', 'list');
        expect(voices.code).toBe(1);
        expect(voices.stderr + voices.stdout).toContain('NOT_PROVIDED');
        expect(voices.stderr + voices.stdout).toContain('Voices: not provided by this server');
      }, 120_000);
    });

    describe.skipIf(!available)('operations not provided', () => {
      const operations = NOT_PROVIDED.flatMap((group) => group.operations);
      it.each(operations)(
        '%s answers 404 NOT_PROVIDED in the official envelope',
        async (operation) => {
          const [method = '', path = ''] = operation.split(' ');
          const response = await fetch(`${target.baseUrl}${path.replaceAll(/\{\w+\}/g, 'x1')}`, {
            method,
            headers: {
              authorization: `Bearer ${target.apiKey}`,
              'content-type': 'application/json',
            },
            ...(method !== 'GET' && method !== 'DELETE' && { body: '{}' }),
          });
          expect(response.status).toBe(404);
          const body = (await response.json()) as any;
          expect(body.error.code).toBe('NOT_PROVIDED');
          expect(body.meta).toEqual({
            request_id: expect.any(String),
            timestamp: expect.any(String),
          });
        },
      );
    });
  },
);

describe('coverage of the official client', () => {
  const official = officialOperations();
  let document: { paths?: Record<string, object> };

  beforeAll(async () => {
    const world = await createTestWorld(sqliteDialect);
    document = openApiDocument(world.app) as typeof document;
    await world.dispose();
  });

  it('reads the official client’s own list of operations', () => {
    expect(official.length).toBeGreaterThan(50);
    expect(official.map((o) => o.operation)).toContain('GET /api/v1/auth/whoami');
  });

  it('has an SDK case for every official operation that maps onto one of our routes, and no other', () => {
    const mapped = official.filter((op) => ourOperationFor(op, document)).map((op) => op.operation);
    expect(Object.keys(SDK_CASES).sort()).toEqual(mapped.sort());
  });

  it('lists every other official operation as not provided, and nothing else', () => {
    const unmapped = official
      .filter((op) => !ourOperationFor(op, document))
      .map((op) => op.operation);
    const listed = NOT_PROVIDED.flatMap((group) => group.operations);
    expect(listed.slice().sort()).toEqual(unmapped.sort());
  });

  it('tells the count in the README', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const count = Object.keys(SDK_CASES).length;
    expect(readme).toContain(`**${count}/${count} official operations**`);
    for (const group of NOT_PROVIDED) expect(readme).toContain(group.what);
  });
});
