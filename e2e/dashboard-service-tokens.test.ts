import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runServerCli } from '../packages/server/src/cli.js';
import {
  apiFromPage,
  browserSuitesRun,
  DATABASES,
  dashboardSuite,
} from './helpers/dashboard-browser.js';

/**
 * Settings → Service tokens (issue 14) in a real Chromium against a real server: the setup
 * user (an instance admin) makes a token, sees it exactly once in the API keys' secret
 * dialog, finds it in the list by its preview, and revokes it after a confirmation; a
 * member who is not an instance admin has no such page in the menu and the API answers 403.
 * Every step is also looked at 390 px wide.
 */
const TOKEN = /^op_svc_[0-9A-Za-z]{32}$/;

describe.skipIf(!browserSuitesRun).each(DATABASES)(
  'dashboard service tokens in Chromium ($name)',
  (database) => {
    const suite = dashboardSuite(database, 'service-tokens');
    const { expectFitsPhone, openBrowser, screenshot } = suite;
    let admin: Page;
    let token: string;

    /** Where a secret could linger in the page: its HTML and both storages. */
    const pageState = (page: Page) =>
      Promise.all([
        page.content(),
        page.evaluate(() => {
          const browser = globalThis as any;
          return (
            JSON.stringify({ ...browser.localStorage }) +
            JSON.stringify({ ...browser.sessionStorage })
          );
        }),
      ]).then((parts) => parts.join('\n'));

    const settingsNav = (page: Page) => page.getByRole('navigation', { name: 'Settings' });

    it('the setup user is an instance admin and finds Settings → Service tokens', async () => {
      admin = await openBrowser();
      await admin.goto(suite.setupUrl);
      await admin.getByLabel('Your email').fill('admin@example.com');
      await admin.getByLabel('Password', { exact: true }).fill('correct horse battery');
      await admin.getByLabel('Password again').fill('correct horse battery');
      await admin.getByLabel('Workspace name').fill('Acme');
      await admin.getByRole('button', { name: 'Create admin and workspace' }).click();
      await admin.getByRole('heading', { name: 'API keys' }).waitFor();
      await settingsNav(admin).getByRole('link', { name: 'Service tokens' }).click();
      await admin.getByRole('heading', { name: 'Service tokens' }).waitFor();
      expect(new URL(admin.url()).pathname).toBe('/settings/service-tokens');
      await admin.getByText('No service tokens yet.').waitFor();
      await expectFitsPhone(admin, 'empty');
    });

    it('creates a token and shows it exactly once, asking before closing uncopied', async () => {
      await admin.getByRole('button', { name: 'Create service token' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Create a service token' });
      await expectFitsPhone(admin, 'create-dialog');
      await dialog.getByLabel('Name').fill('billing-api');
      await dialog.getByRole('button', { name: 'Create service token' }).click();

      const secret = admin.getByLabel('Your new service token', { exact: true });
      token = await secret.inputValue();
      expect(token).toMatch(TOKEN);
      await admin.getByRole('dialog', { name: 'Your new service token “billing-api”' }).waitFor();
      await admin.getByText('This is the only time the service token is shown.').waitFor();
      await admin.keyboard.press('Escape');
      await admin.getByText('You will not see this service token again — close?').waitFor();
      await expectFitsPhone(admin, 'secret-dialog-asks');
      await admin.getByRole('button', { name: 'Keep it open' }).click();
      expect(await secret.inputValue()).toBe(token);
      await screenshot(admin, 'secret-dialog');
      await admin.getByRole('button', { name: 'I have stored it safely' }).click();
      await secret.waitFor({ state: 'detached' });

      // In the list by its preview; the token itself is nowhere, not even after a reload.
      const row = admin.getByRole('row').filter({ hasText: `op_svc_…${token.slice(-4)}` });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('billing-api');
      await expect(row.textContent()).resolves.toContain('Active');
      await expect(row.textContent()).resolves.toContain('Never');
      expect(await pageState(admin)).not.toContain(token);
      await admin.reload();
      await row.waitFor();
      expect(await pageState(admin)).not.toContain(token);
      await expectFitsPhone(admin, 'list');

      // The operator's command lists the same token, by its preview only.
      const lines: string[] = [];
      const code = await runServerCli(['admin', 'list-service-tokens', '--json'], {
        env: suite.env,
        print: (line) => lines.push(line),
        printError: () => {},
      });
      expect(code).toBe(0);
      const listed = JSON.parse(lines.join('\n')).service_tokens;
      expect(listed).toEqual([
        expect.objectContaining({ name: 'billing-api', preview: `op_svc_…${token.slice(-4)}` }),
      ]);
    });

    it('revokes the token after a confirmation', async () => {
      await admin.getByRole('button', { name: 'Revoke billing-api' }).click();
      const confirm = admin.getByRole('alertdialog', { name: 'Revoke “billing-api”?' });
      await confirm.waitFor();
      await expectFitsPhone(admin, 'revoke-dialog');
      await confirm.getByRole('button', { name: 'Revoke “billing-api”' }).click();
      await admin.getByRole('status').filter({ hasText: 'Revoked “billing-api”' }).waitFor();
      const row = admin
        .getByRole('row')
        .filter({ hasText: `op_svc_…${token.slice(-4)}` })
        .filter({ hasText: 'Revoked' });
      await row.waitFor();
      expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
      const listed = await apiFromPage(admin, 'GET', '/api/v1/service-tokens');
      expect(listed.status).toBe(200);
      expect(listed.body.data[0]).toMatchObject({ name: 'billing-api', status: 'revoked' });
      await expectFitsPhone(admin, 'revoked');
    });

    it('a member who is not an instance admin sees no such page, and the API says 403', async () => {
      const code = await runServerCli(
        [
          'admin',
          'create-user',
          '--email',
          'dev@example.com',
          '--workspace',
          'Dev',
          '--password',
          'correct horse battery',
        ],
        { env: suite.env, print: () => {}, printError: () => {} },
      );
      expect(code).toBe(0);
      const member = await openBrowser();
      await member.goto(`${suite.origin}/login`);
      await member.getByLabel('Email').fill('dev@example.com');
      await member.getByLabel('Password').fill('correct horse battery');
      await member.getByRole('button', { name: 'Sign in' }).click();
      await member.getByRole('heading', { name: 'API keys' }).waitFor();
      await settingsNav(member).getByRole('link', { name: 'Webhooks' }).waitFor();
      expect(await settingsNav(member).getByRole('link', { name: 'Service tokens' }).count()).toBe(
        0,
      );
      for (const [method, body] of [
        ['GET', undefined],
        ['POST', { name: 'sneaky' }],
      ] as const) {
        const response = await apiFromPage(member, method, '/api/v1/service-tokens', body);
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
      }
      // Typed in by hand, the page says who may use it, and asks the API for nothing.
      await member.goto(`${suite.origin}/settings/service-tokens`);
      await member.getByText('Only instance admins manage service tokens.').waitFor();
      await expectFitsPhone(member, 'not-instance-admin');
    });
  },
);
