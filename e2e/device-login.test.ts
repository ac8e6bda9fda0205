import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@onepin/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeUserCode, userCodeHash } from '../packages/server/src/services/device-codes.js';
import { assertCliBuilt, onepin, startOnepin } from './helpers/cli-process.js';
import {
  apiFromPage,
  browserSuitesRun,
  DATABASES,
  dashboardSuite,
} from './helpers/dashboard-browser.js';

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };
const VIEWER = { email: 'viewer@example.com', password: 'viewer horse battery' };
const APPROVAL_URL = /(https?:\/\/\S+\/device\?code=([A-Z]{4}-[A-Z]{4}))/;
/** A sign-in waits at least one 5-second poll after the approval. */
const FLOW_TIMEOUT_MS = 90_000;

/**
 * `onepin login --web` end to end (issue 15): the built CLI asks, a person signs in and
 * approves in Chromium through the dashboard's /device page (at a phone's width too), and the
 * CLI saves a key that works; a denial, a viewer who cannot grant api_keys:write, Ctrl-C,
 * slow_down against the built server, and logout revoking the key. Expiry: the test moves a
 * waiting code's end into the past in the server's database (ten real minutes have no place
 * here), and the CLI and the page must both notice it by themselves.
 */
describe.skipIf(!browserSuitesRun).each(DATABASES)('onepin login --web ($name)', (database) => {
  const suite = dashboardSuite(database, 'device');
  const homes: string[] = [];
  let admin: Page;

  const newHome = () => {
    const home = mkdtempSync(join(tmpdir(), 'onepin-e2e-device-home-'));
    homes.push(home);
    return home;
  };
  const cliEnv = (home: string) => ({ HOME: home, ONEPIN_BASE_URL: suite.origin });
  const credentials = (home: string) => join(home, '.onepin', 'credentials');

  /** What a person does in the browser: open the CLI's URL, sign in if asked, continue. */
  async function openApproval(page: Page, url: string, person?: typeof ADMIN) {
    await page.goto(url);
    if (person) {
      await page.getByRole('heading', { name: 'Sign in to connect a device' }).waitFor();
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password').fill(person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    await page.getByRole('heading', { name: 'Connect a device' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Approve this device?' }).waitFor();
  }

  /** What ten minutes do to a waiting code, done at once in the server's database. */
  async function expireDeviceCode(typed: string) {
    const normalized = normalizeUserCode(typed);
    if (normalized === null) throw new Error(`not a user code: ${typed}`);
    const database = openDatabase({ url: suite.databaseUrl, maxConnections: 1 });
    try {
      const aged = await database.db
        .updateTable('device_authorizations')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('user_code_hash', '=', userCodeHash(normalized))
        .executeTakeFirst();
      expect(aged.numUpdatedRows).toBe(1n);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    assertCliBuilt();
    const token = new URL(suite.setupUrl).searchParams.get('token');
    const setup = await fetch(`${suite.origin}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: suite.origin },
      body: JSON.stringify({ token, ...ADMIN, workspace_name: 'Acme' }),
    });
    expect(setup.status).toBe(201);
    admin = await suite.openBrowser();
  });
  afterAll(() => {
    for (const home of homes) rmSync(home, { recursive: true, force: true });
  });

  it(
    'prints a code, a person signs in and approves in Chromium (phone width too), and the saved key works',
    async () => {
      const home = newHome();
      const cli = startOnepin(['login', '--web', '--no-browser'], { env: cliEnv(home) });
      const [, url, code] = await cli.waitFor(APPROVAL_URL);
      expect(url).toBe(`${suite.origin}/device?code=${code}`);
      await cli.waitFor(/Waiting for approval/);

      await admin.goto(url ?? '');
      await admin.getByRole('heading', { name: 'Sign in to connect a device' }).waitFor();
      await suite.expectFitsPhone(admin, 'device-sign-in');
      await admin.getByLabel('Email').fill(ADMIN.email);
      await admin.getByLabel('Password').fill(ADMIN.password);
      await admin.getByRole('button', { name: 'Sign in' }).click();
      // Signed in, the page comes back to the code, not to the key list.
      await admin.getByRole('heading', { name: 'Connect a device' }).waitFor();
      expect(await admin.getByLabel('Code', { exact: true }).inputValue()).toBe(code);
      expect(new URL(admin.url()).pathname).toBe('/device');
      await suite.expectFitsPhone(admin, 'device-code');
      await admin.getByRole('button', { name: 'Continue' }).click();

      await admin.getByRole('heading', { name: 'Approve this device?' }).waitFor();
      const review =
        (await admin.locator('form[aria-label="Approve this device"]').textContent()) ?? '';
      expect(review).toContain('Only approve if you just ran');
      expect(review).toContain(code);
      expect(review).toContain(hostname());
      expect(review).toContain('127.0.0.1');
      expect(review).toContain('onepin 0.1.0');
      expect(review).toContain(`The key is named “CLI on ${hostname()}”`);
      expect(await admin.getByRole('checkbox', { name: /api_keys:write/ }).isChecked()).toBe(false);
      const expiry = admin.getByLabel('Expires');
      expect(await expiry.inputValue()).toBe('90');
      expect(await expiry.locator('option').allTextContents()).toEqual([
        'In 7 days',
        'In 30 days',
        'In 90 days',
        'In 1 year',
      ]);
      await suite.expectFitsPhone(admin, 'device-review');
      await admin.getByRole('button', { name: 'Approve' }).click();
      await admin.getByRole('heading', { name: 'Device approved' }).waitFor();
      await suite.expectFitsPhone(admin, 'device-approved');

      const finished = await cli.finished;
      expect(finished.code, finished.stderr).toBe(0);
      expect(finished.stderr).toContain(`Logged in to workspace “Acme”`);
      expect(finished.stderr).toContain(`with key “CLI on ${hostname()}”`);
      const saved = readFileSync(credentials(home), 'utf8');
      expect(saved).toContain('created_via = "device_login"');
      const key = /api_key = "(op_live_\w{32})"/.exec(saved)?.[1] ?? '';
      expect(finished.stdout + finished.stderr).not.toContain(key);

      const whoami = await onepin(['whoami', '--json'], { env: cliEnv(home) });
      expect(whoami.code, whoami.stderr).toBe(0);
      expect(JSON.parse(whoami.stdout)).toMatchObject({
        key_name: `CLI on ${hostname()}`,
        workspace_name: 'Acme',
      });

      // logout revokes it on the server, and says so.
      const logout = await onepin(['logout'], { env: cliEnv(home) });
      expect(logout.code, logout.stderr).toBe(0);
      expect(logout.stderr).toContain('Revoked its key on the server');
      expect(existsSync(credentials(home))).toBe(false);
      const after = await fetch(`${suite.origin}/api/v1/auth/whoami`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(after.status).toBe(401);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'a denial in the browser reaches the CLI: exit 1, nothing saved',
    async () => {
      const home = newHome();
      const cli = startOnepin(['login', '--web', '--no-browser'], { env: cliEnv(home) });
      const [, url] = await cli.waitFor(APPROVAL_URL);
      await openApproval(admin, url ?? '');
      await admin.getByRole('button', { name: 'Deny' }).click();
      await admin.getByRole('heading', { name: 'Device denied' }).waitFor();
      const finished = await cli.finished;
      expect(finished.code).toBe(1);
      expect(finished.stderr).toContain('[ACCESS_DENIED] The sign-in was denied in the browser.');
      expect(existsSync(credentials(home))).toBe(false);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'a code that expires while the CLI waits: exit 1, nothing saved, and the page refuses it',
    async () => {
      const home = newHome();
      const cli = startOnepin(['login', '--web', '--no-browser'], { env: cliEnv(home) });
      const [, url, code] = await cli.waitFor(APPROVAL_URL);
      await openApproval(admin, url ?? '');
      await expireDeviceCode(code ?? '');
      await admin.getByRole('button', { name: 'Approve' }).click();
      await admin.getByText('No sign-in is waiting for this code.').waitFor();
      const finished = await cli.finished;
      expect(finished.code).toBe(1);
      expect(finished.stderr).toContain(
        '[EXPIRED_TOKEN] The code expired before anyone approved it. Nothing was saved.',
      );
      expect(existsSync(credentials(home))).toBe(false);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'a viewer cannot grant api_keys:write, from the page or around it, and approves what a viewer may',
    async () => {
      const invited = await apiFromPage(admin, 'POST', '/api/v1/members', {
        email: VIEWER.email,
        role: 'viewer',
      });
      expect(invited.status).toBe(201);
      const token = new URL(invited.body.data.invite_url).searchParams.get('token');
      const joined = await fetch(`${suite.origin}/api/v1/invitation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: suite.origin },
        body: JSON.stringify({ token, password: VIEWER.password }),
      });
      expect(joined.status).toBe(201);

      const home = newHome();
      const cli = startOnepin(['login', '--web', '--no-browser'], { env: cliEnv(home) });
      const [, url, code] = await cli.waitFor(APPROVAL_URL);
      const viewer = await suite.openBrowser();
      await openApproval(viewer, url ?? '', VIEWER);
      const keysWrite = viewer.getByRole('checkbox', { name: /api_keys:write/ });
      expect(await keysWrite.isDisabled()).toBe(true);
      await viewer
        .getByText('As viewer of Acme you can grant only what your role allows.')
        .waitFor();
      const around = await apiFromPage(viewer, 'POST', '/api/v1/device/approve', {
        user_code: code,
        workspace_id: (await apiFromPage(viewer, 'GET', '/api/v1/session')).body.data.workspace.id,
        scopes: ['api_keys:write'],
      });
      expect(around.status).toBe(403);
      expect(around.body.error.code).toBe('INSUFFICIENT_SCOPE');
      await viewer.getByRole('button', { name: 'Approve' }).click();
      await viewer.getByRole('heading', { name: 'Device approved' }).waitFor();

      const finished = await cli.finished;
      expect(finished.code, finished.stderr).toBe(0);
      expect(finished.stderr).toContain(
        'Scopes: api_keys:read, templates:read, workflows:read, workspace:read',
      );
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'Ctrl-C while waiting exits 130 and saves nothing',
    async () => {
      const home = newHome();
      const cli = startOnepin(['login', '--web', '--no-browser'], { env: cliEnv(home) });
      await cli.waitFor(/Waiting for approval/);
      cli.signal('SIGINT');
      const finished = await cli.finished;
      expect(finished.code).toBe(130);
      expect(finished.stderr).toContain('Cancelled: nothing was saved');
      expect(existsSync(credentials(home))).toBe(false);
    },
    FLOW_TIMEOUT_MS,
  );

  it('the built server tells a device polling too fast to slow down, by 5 s each time', async () => {
    const started = await fetch(`${suite.origin}/api/v1/device/code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { device_code: deviceCode } = ((await started.json()) as any).data;
    const poll = () =>
      fetch(`${suite.origin}/api/v1/device/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ device_code: deviceCode }),
      });
    const first = await poll();
    expect(((await first.json()) as any).error.code).toBe('AUTHORIZATION_PENDING');
    const second = await poll();
    expect(((await second.json()) as any).error.code).toBe('SLOW_DOWN');
    expect(second.headers.get('retry-after')).toBe('10');
    const third = await poll();
    expect(third.headers.get('retry-after')).toBe('15');
  });
});
