import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDialects } from '@onepin/db/test-support';
import { afterAll, describe, expect, it } from 'vitest';
import { serveDashboard } from '../dashboard.js';
import { createUserWithWorkspace } from '../services/accounts.js';
import { issueSetupUrl } from '../services/setup-token.js';
import { uniqueName } from '../test-support/resources.js';
import {
  createTestWorld,
  type TestWorld,
  type TestWorldOptions,
  worldPerSuite,
} from '../test-support/world.js';
import { browserHosts } from './browser-host.js';

const PASSWORD = 'correct horse battery';
/** The attacker's page, its name re-resolved to 127.0.0.1: the browser sends its own host. */
const REBOUND = { host: 'evil.example:8000', origin: 'http://evil.example:8000' };

const dashboardDir = mkdtempSync(join(tmpdir(), 'onepin-host-dashboard-'));
mkdirSync(join(dashboardDir, 'assets'));
writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>OnePin</title>');
writeFileSync(join(dashboardDir, 'assets', 'app.js'), 'console.log(1)');
afterAll(() => rmSync(dashboardDir, { recursive: true, force: true }));

async function personWithPassword(world: TestWorld) {
  const email = `host-${Math.random().toString(36).slice(2)}@example.com`;
  const { workspace } = await createUserWithWorkspace(world.deps, {
    email,
    password: PASSWORD,
    workspaceName: uniqueName('Host'),
  });
  return { email, workspaceId: workspace.id };
}

function expectWrongHost(response: { status: number; body: any }) {
  expect(response.status).toBe(403);
  expect(response.body.error.code).toBe('FORBIDDEN');
  expect(response.body.error.message).toMatch(/only at the host of its public URL/);
}

describe.each(testDialects)(
  '$name: DNS rebinding (Host checked against ONEPIN_PUBLIC_URL)',
  (dialect) => {
    const options: TestWorldOptions = { app: { extraRoutes: [serveDashboard(dashboardDir)] } };
    const suite = worldPerSuite(dialect, options);

    suite.run(
      'a rebound page cannot sign in, even with the right password and a matching Origin',
      async () => {
        const { world } = suite;
        const { email } = await personWithPassword(world);
        const signIn = (headers: Record<string, string>) =>
          world.call('POST', '/api/v1/session', { body: { email, password: PASSWORD }, headers });
        expectWrongHost(await signIn(REBOUND));
        expect((await signIn({ origin: 'http://127.0.0.1:8000' })).status).toBe(201);
      },
    );

    suite.run('a rebound page cannot use the first-run setup link', async () => {
      // A world of its own: setup works only while no user exists.
      const world = await createTestWorld(dialect, options);
      try {
        const url = await issueSetupUrl(world.deps, world.deps.settings.publicUrl);
        const token = new URL(url ?? '').searchParams.get('token') ?? '';
        expect(token).not.toBe('');
        expectWrongHost(
          await world.call('GET', `/api/v1/setup?token=${token}`, { headers: REBOUND }),
        );
        const setup = await world.call('POST', '/api/v1/setup', {
          body: { token, email: 'admin@example.com', password: PASSWORD, workspace_name: 'Acme' },
          headers: REBOUND,
        });
        expectWrongHost(setup);
        expect((await world.call('GET', `/api/v1/setup?token=${token}`)).body.data.usable).toBe(
          true,
        );
      } finally {
        await world.dispose();
      }
    });

    suite.run('a rebound page cannot check or accept an invitation link', async () => {
      const { world } = suite;
      expectWrongHost(
        await world.call('GET', '/api/v1/invitation?token=abc', { headers: REBOUND }),
      );
      expectWrongHost(
        await world.call('POST', '/api/v1/invitation', {
          body: { token: 'abc', password: PASSWORD },
          headers: REBOUND,
        }),
      );
      expect((await world.call('GET', '/api/v1/invitation?token=abc')).status).toBe(404);
    });

    suite.run('a session cookie is refused at another host name, on reads and writes', async () => {
      const { world } = suite;
      const workspace = await world.createWorkspace();
      const session = await world.signIn(workspace);
      expectWrongHost(await world.call('GET', '/api/v1/session', { session, headers: REBOUND }));
      expectWrongHost(
        await world.call('POST', '/api/v1/workflows', {
          session,
          body: { name: uniqueName() },
          headers: REBOUND,
        }),
      );
      expect((await world.call('GET', '/api/v1/session', { session })).status).toBe(200);
    });

    suite.run("the dashboard's pages are refused at another host name", async () => {
      const { world } = suite;
      for (const path of ['/', '/settings/api-keys', '/assets/app.js']) {
        const refused = await world.request('GET', path, { headers: REBOUND });
        expect(refused.status, path).toBe(403);
        expect(await refused.text()).toContain('Wrong address');
        expect((await world.request('GET', path)).status, path).toBe(200);
      }
    });

    suite.run('bearer-key API requests are not affected', async () => {
      const { world } = suite;
      const workspace = await world.createWorkspace();
      const { plaintext } = await world.createKey(workspace, { scopes: ['workspace:read'] });
      const whoami = await world.call('GET', '/api/v1/auth/whoami', {
        key: plaintext,
        headers: { host: 'anything.example:1234' },
      });
      expect(whoami.status).toBe(200);
    });

    suite.run('loopback names of the default public URL are all accepted', async () => {
      const { world } = suite;
      const workspace = await world.createWorkspace();
      const session = await world.signIn(workspace);
      for (const host of ['127.0.0.1:8000', 'localhost:8000', '[::1]:8000', 'LOCALHOST:8000']) {
        const response = await world.call('GET', '/api/v1/session', { session, headers: { host } });
        expect(response.status, host).toBe(200);
      }
      for (const host of ['localhost:8001', 'localhost', '127.0.0.1.nip.io:8000', '']) {
        const response = await world.call('GET', '/api/v1/session', { session, headers: { host } });
        expect(response.status, host).toBe(403);
      }
    });
  },
);

describe.each(testDialects)('$name: Host behind a public URL and a proxy', (dialect) => {
  const behindProxy = worldPerSuite(dialect, {
    settings: { publicUrl: 'https://keys.example.com', trustProxy: true },
  });
  const direct = worldPerSuite(dialect, { settings: { publicUrl: 'https://keys.example.com' } });

  async function sessionRequest(world: TestWorld, headers: Record<string, string>) {
    const workspace = await world.createWorkspace();
    const session = await world.signIn(workspace);
    return (await world.call('GET', '/api/v1/session', { session, headers })).status;
  }

  behindProxy.run('trusts the last X-Forwarded-Host, which the proxy set', async () => {
    const { world } = behindProxy;
    expect(
      await sessionRequest(world, { host: 'onepin:8000', 'x-forwarded-host': 'keys.example.com' }),
    ).toBe(200);
    expect(
      await sessionRequest(world, {
        host: 'onepin:8000',
        'x-forwarded-host': 'keys.example.com, evil.example',
      }),
    ).toBe(403);
    expect(await sessionRequest(world, { host: 'keys.example.com:443' })).toBe(200);
  });

  direct.run(
    'ignores X-Forwarded-Host without ONEPIN_TRUST_PROXY, and loopback names',
    async () => {
      const { world } = direct;
      expect(await sessionRequest(world, { host: 'keys.example.com' })).toBe(200);
      expect(
        await sessionRequest(world, {
          host: 'evil.example',
          'x-forwarded-host': 'keys.example.com',
        }),
      ).toBe(403);
      expect(await sessionRequest(world, { host: '127.0.0.1:8000' })).toBe(403);
    },
  );
});

describe('browserHosts', () => {
  it.each([
    ['http://127.0.0.1:8000', ['127.0.0.1:8000', 'localhost:8000', '[::1]:8000']],
    ['http://localhost:3000', ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']],
    ['http://[::1]:8000', ['[::1]:8000', '127.0.0.1:8000', 'localhost:8000']],
    ['https://keys.example.com', ['keys.example.com']],
    ['http://10.0.0.5:8000', ['10.0.0.5:8000']],
  ])('%s answers browsers at %j', (publicUrl, hosts) => {
    expect([...browserHosts(publicUrl)].sort()).toEqual([...hosts].sort());
  });
});
