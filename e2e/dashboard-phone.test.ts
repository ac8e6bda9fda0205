import { SCOPES } from '@onepin/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiFromPage,
  browserSuitesRun,
  DATABASES,
  dashboardSuite,
} from './helpers/dashboard-browser.js';

/**
 * Every page of the dashboard, and /docs, on a phone (390 px): nothing scrolls sideways and
 * dialogs sit on screen (issue 17, item 2); the menu's "Settings" leads to Settings → API
 * keys (item 20); /docs renders its Markdown and the server has a favicon (item 10).
 * Screenshots go to test-artifacts/dashboard/.
 */
describe.skipIf(!browserSuitesRun).each(DATABASES)('dashboard on a phone ($name)', (database) => {
  const suite = dashboardSuite(database, 'phone');
  const { expectFitsPhone } = suite;
  let page: Page;
  /** Responses the browser got that were errors (a missing favicon would be one). */
  const failures: string[] = [];

  /** Calls the API from the page, as the signed-in admin; the response's data. */
  const api = async (method: string, path: string, body?: unknown) =>
    (await apiFromPage(page, method, path, body)).body.data;

  it('fits the first-run setup page and sets up the admin', async () => {
    page = await suite.openBrowser();
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().includes('/api/v1/'))
        failures.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(suite.setupUrl);
    await page.getByLabel('Your email').waitFor();
    await expectFitsPhone(page, 'setup');
    await page.getByLabel('Your email').fill('someone.with.a.long.address@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await page.getByLabel('Password again').fill('correct horse battery');
    await page.getByLabel('Workspace name').fill('Acme Corporation International');
    await page.getByRole('button', { name: 'Create admin and workspace' }).click();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
  });

  it('fits Settings → API keys with wide keys, and every dialog of it', async () => {
    // The keys that made the page 849 px wide: every scope, a long name, a rotation.
    await api('POST', '/api/v1/api-keys', {
      name: 'deploys from the shared build machine in the basement',
      scopes: [...SCOPES],
    });
    const rotating = await api('POST', '/api/v1/api-keys', {
      name: 'billing',
      scopes: ['workflows:read'],
    });
    await api('PATCH', `/api/v1/api-keys/${rotating.id}/rotate`, { grace_period_seconds: 3600 });
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'Rotated — stops working at' }).waitFor();
    await expectFitsPhone(page, 'api-keys');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Create key' }).click();
    const create = page.getByRole('dialog', { name: 'Create an API key' });
    await expectFitsPhone(page, 'create-key-dialog');
    await create.getByLabel('Name').fill('from the phone');
    await create.getByRole('button', { name: 'Create key' }).click();
    await page.getByLabel('Your new API key').waitFor();
    await expectFitsPhone(page, 'secret-dialog');
    // The × asks too while the key is not copied.
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('button', { name: 'Close without copying' }).click();
    await page.getByLabel('Your new API key').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Rotate from the phone' }).click();
    await expectFitsPhone(page, 'rotate-dialog');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Revoke from the phone' }).click();
    await expectFitsPhone(page, 'revoke-dialog');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('fits Activity and Members (with its role menus and the invitation dialog)', async () => {
    await page.getByRole('link', { name: 'Activity' }).click();
    await page.getByRole('heading', { name: 'Activity' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Rotated API key “billing”' }).waitFor();
    await expectFitsPhone(page, 'activity');

    await page.goto(`${suite.origin}/settings/members`);
    const form = page.getByRole('form', { name: 'Invite a member' });
    await form.getByLabel('Email').fill('a.new.person.with.a.long.name@example.com');
    await form.getByRole('button', { name: 'Invite' }).click();
    await page.getByLabel('Invitation link').waitFor();
    await expectFitsPhone(page, 'invitation-dialog');
    const inviteUrl = await page.getByLabel('Invitation link').inputValue();
    await page.getByRole('button', { name: 'Done' }).click();
    await expectFitsPhone(page, 'members');

    const invited = await suite.openBrowser();
    await invited.goto(inviteUrl);
    await invited.getByRole('heading', { name: /^Join / }).waitFor();
    await expectFitsPhone(invited, 'invite');
  });

  it('makes "Settings" real: in the menu, at /settings, and as the section of its pages', async () => {
    const menu = page.getByRole('navigation', { name: 'Main' });
    expect(await menu.getByRole('link').allTextContents()).toEqual([
      'Settings',
      'Activity',
      'API reference',
    ]);
    expect(await menu.getByRole('link', { name: 'API reference' }).getAttribute('href')).toBe(
      '/docs',
    );
    await menu.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings\/api-keys$/);
    const settings = page.getByRole('navigation', { name: 'Settings' });
    // Webhooks is a workspace admin's tab (issue 16) and Service tokens an instance admin's
    // (issue 14); this page's user made the instance at setup, so it is both.
    expect(await settings.getByRole('link').allTextContents()).toEqual([
      'API keys',
      'Members',
      'Webhooks',
      'Service tokens',
    ]);
    await page.goto(`${suite.origin}/settings`);
    await page.waitForURL(/\/settings\/api-keys$/);
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    expect(await page.title()).toBe('API keys · Settings · OnePin');
    await expectFitsPhone(page, 'settings-redirect');
    await page.goto(`${suite.origin}/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expectFitsPhone(page, 'not-found');
  });

  it('fits /docs, renders its inline code, and the browser finds a favicon', async () => {
    await page.goto(`${suite.origin}/docs`);
    await page
      .getByRole('heading', { name: /reference|OnePin/ })
      .first()
      .waitFor();
    await expectFitsPhone(page, 'docs');
    const text = await page.evaluate(
      () => (globalThis as any).document.querySelector('main').textContent as string,
    );
    expect(text).not.toContain('`');
    const icon = await page.evaluate(async () => {
      const response = await fetch('/favicon.ico');
      return { status: response.status, type: response.headers.get('content-type') };
    });
    expect(icon).toEqual({ status: 200, type: 'image/x-icon' });
  });

  it('fits the sign-in page and the pages of used links', async () => {
    const stranger = await suite.openBrowser();
    await stranger.goto(`${suite.origin}/login`);
    await stranger.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectFitsPhone(stranger, 'login');
    await stranger.goto(suite.setupUrl);
    await stranger.getByRole('heading', { name: 'This setup link cannot be used' }).waitFor();
    await expectFitsPhone(stranger, 'setup-used');
    await stranger.goto(`${suite.origin}/invite?token=not-a-token`);
    await stranger.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
    await expectFitsPhone(stranger, 'invite-unusable');
  });

  it('asked for nothing that was missing (no 404 for a favicon or an asset)', () => {
    expect(failures).toEqual([]);
  });
});
