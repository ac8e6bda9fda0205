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
 * The dashboard in a real headless Chromium against a real server (SPEC §1 first run, §4
 * sessions and CSRF): setup, sign-in, keys created, used, rotated and revoked, invitations
 * (a new person, an existing account accepting signed in), removing a member, a viewer
 * who cannot create keys, and CSRF refused. Chromium is Debian's (`.ci/run` installs it);
 * the dashboard must be built (`npm test` builds it first). Pages and dialogs are also
 * looked at 390 px wide (dashboard-phone.test.ts walks every page that way).
 */
const KEY = /^op_live_[0-9A-Za-z]{32}$/;

describe.skipIf(!browserSuitesRun).each(DATABASES)('dashboard in Chromium ($name)', (database) => {
  const suite = dashboardSuite(database, 'flow', {
    scopesToml: '[[scope]]\nname = "billing:read"\ndescription = "Read invoices"\n',
  });
  const { screenshot, expectFitsPhone, openBrowser } = suite;
  let admin: Page;
  let viewerPage: Page;
  let owner: Page;
  let firstKey: string;
  let rotatedKey: string;
  const preview = (key: string) => `op_live_…${key.slice(-4)}`;

  /** Another person's account and workspace, made with the admin command, as an operator would. */
  async function createAccount(email: string, workspace: string, password: string) {
    const args = ['admin', 'create-user', '--email', email, '--workspace', workspace];
    const code = await runServerCli([...args, '--password', password], {
      env: suite.env,
      print: () => {},
      printError: () => {},
    });
    expect(code).toBe(0);
  }

  const whoami = (key: string) =>
    fetch(`${suite.origin}/api/v1/auth/whoami`, { headers: { authorization: `Bearer ${key}` } });

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

  /** The row of a key, by the preview in its Key cell (a rotated key's row names the other
   * key's preview too, in its status). */
  const keyRow = (page: Page, key: string) =>
    page.getByRole('row').filter({
      has: page.locator('td[data-label="Key"]', { hasText: preview(key) }),
    });

  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = (globalThis as any).document.activeElement;
      return {
        id: element?.id as string,
        text: element?.textContent as string,
        value: element?.value as string | undefined,
      };
    });

  it('creates the first admin and workspace through the printed setup link', async () => {
    admin = await openBrowser();
    expect(suite.setupUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/setup\?token=/);
    // Before anyone can sign in, the dashboard says how to finish setup, not "Sign in".
    await admin.goto(`${suite.origin}/`);
    await admin.getByRole('heading', { name: 'Finish setting up OnePin' }).waitFor();
    await admin.getByText('open the one-time setup link the server printed').waitFor();
    expect(await admin.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    await admin.goto(suite.setupUrl);
    await admin.getByLabel('Your email').waitFor();
    await expectFitsPhone(admin, 'setup');
    await admin.getByLabel('Your email').fill('admin@example.com');
    await admin.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await admin.getByLabel('Password again').fill('correct horse battery');
    await admin.getByLabel('Workspace name').fill('Acme');
    await screenshot(admin, 'setup');
    await admin.getByRole('button', { name: 'Create admin and workspace' }).click();
    await admin.getByRole('heading', { name: 'API keys' }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/settings/api-keys');
    await expect(admin.getByText('Acme', { exact: true }).count()).resolves.toBeGreaterThan(0);
    expect(await pageState(admin)).not.toContain(new URL(suite.setupUrl).searchParams.get('token'));
  });

  it('signs out, refuses a wrong password with the generic message, and signs in', async () => {
    await admin.getByRole('button', { name: 'Sign out' }).click();
    await admin.getByRole('heading', { name: 'Sign in' }).waitFor();
    await admin.getByLabel('Email').fill('admin@example.com');
    await admin.getByLabel('Password').fill('not the password');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Incorrect email or password.' }).waitFor();
    // Focus goes back to the password, emptied, ready to type again (issue 17, item 19).
    expect(await focused(admin)).toMatchObject({ id: 'password', value: '' });
    await expectFitsPhone(admin, 'login-refused');
    await admin.getByLabel('Password').fill('correct horse battery');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('heading', { name: 'API keys' }).waitFor();
  });

  it('is usable with the keyboard: dialogs take focus, Escape closes them, focus comes back', async () => {
    await admin.getByRole('button', { name: 'Create key' }).focus();
    await admin.keyboard.press('Enter');
    await admin.getByRole('dialog', { name: 'Create an API key' }).waitFor();
    expect((await focused(admin)).id).toBe('key-name');
    await expectFitsPhone(admin, 'create-key-dialog');
    await admin.keyboard.press('Escape');
    await admin.getByRole('dialog').waitFor({ state: 'detached' });
    expect((await focused(admin)).text).toBe('Create key');
  });

  it("offers the server's scopes, the operator's own marked custom", async () => {
    await admin.getByRole('button', { name: 'Create key' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Create an API key' });
    // From GET /api/v1/scopes, beside the built-in ones (which the dashboard knows offline).
    await dialog.getByRole('checkbox', { name: /billing:read/ }).waitFor();
    const label = dialog.locator('label', { hasText: 'billing:read' });
    expect(await label.textContent()).toBe('billing:readcustom Read invoices');
    await dialog.getByRole('checkbox', { name: /workflows:read/ }).waitFor();
    await admin.keyboard.press('Escape');
    await admin.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('creates a key with two scopes and shows its plaintext once, with a copy button', async () => {
    await admin.getByRole('button', { name: 'Create key' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel('Name').fill('CI deploys');
    await dialog.getByRole('checkbox', { name: /workspace:read/ }).check();
    await dialog.getByRole('checkbox', { name: /api_keys:read/ }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const secret = admin.getByLabel('Your new API key');
    firstKey = await secret.inputValue();
    expect(firstKey).toMatch(KEY);
    // Not copied yet: Escape and a click beside the dialog ask first (issue 17, item 5).
    await admin.keyboard.press('Escape');
    await admin.getByText('You will not see this key again — close?').waitFor();
    expect((await focused(admin)).text).toBe('Keep it open');
    await expectFitsPhone(admin, 'secret-dialog-asks');
    await admin.getByRole('button', { name: 'Keep it open' }).click();
    await admin.mouse.click(5, 5);
    await admin.getByText('You will not see this key again — close?').waitFor();
    await admin.getByRole('button', { name: 'Keep it open' }).click();
    expect(await secret.inputValue()).toBe(firstKey);
    await admin.getByRole('button', { name: 'Copy' }).click();
    await admin.getByText('Copied to the clipboard.').waitFor();
    expect(await admin.evaluate(() => (globalThis as any).navigator.clipboard.readText())).toBe(
      firstKey,
    );
    await screenshot(admin, 'key-created-dialog');

    const response = await whoami(firstKey);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Record<string, unknown> };
    expect(body.data).toMatchObject({
      auth_kind: 'api_key',
      key_name: 'CI deploys',
      workspace_name: 'Acme',
      scopes: ['api_keys:read', 'workspace:read'],
    });
  });

  it('forgets the plaintext when the dialog closes (Escape), and after a reload it is nowhere', async () => {
    await admin.keyboard.press('Escape');
    await admin.getByLabel('Your new API key').waitFor({ state: 'detached' });
    expect(await pageState(admin)).not.toContain(firstKey);
    await admin.reload();
    await keyRow(admin, firstKey).waitFor();
    expect(await pageState(admin)).not.toContain(firstKey);
    await screenshot(admin, 'keys-table');
  });

  it('rotates with a grace period: both keys work, and the old key shows when it ends', async () => {
    await admin.getByRole('button', { name: 'Rotate CI deploys' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Rotate “CI deploys”' });
    await expectFitsPhone(admin, 'rotate-dialog');
    await dialog.getByRole('radio', { name: /24 hours/ }).check();
    await dialog.getByRole('button', { name: 'Rotate key' }).click();
    rotatedKey = await admin.getByLabel('Your new API key').inputValue();
    expect(rotatedKey).toMatch(KEY);
    expect(rotatedKey).not.toBe(firstKey);
    await admin.getByText(/keeps working until/).waitFor();
    await admin.getByRole('button', { name: 'I have stored it safely' }).click();

    expect((await whoami(firstKey)).status).toBe(200);
    expect((await whoami(rotatedKey)).status).toBe(200);
    const oldRow = keyRow(admin, firstKey);
    // Columns after the name (a row header): key, type, scopes, created, last used, expires.
    const expires = (await oldRow.getByRole('cell').nth(5).textContent())?.trim();
    expect(expires).toMatch(/\d/);
    const newRow = keyRow(admin, rotatedKey);
    expect((await newRow.getByRole('cell').nth(5).textContent())?.trim()).toBe('Never');
    // The old key says it was rotated and when it stops, and names its replacement; the
    // new one names the key it replaces (issue 17, item 3).
    const oldStatus = (await oldRow.getByRole('cell').nth(6).textContent()) ?? '';
    expect(oldStatus).toMatch(/^Rotated — stops working at .+\d/);
    expect(oldStatus).toContain(`Replaced by ${preview(rotatedKey)}`);
    expect(await newRow.getByRole('cell').nth(6).textContent()).toBe(
      `ActiveReplaces ${preview(firstKey)}`,
    );
    await screenshot(admin, 'keys-after-rotation');
    await expectFitsPhone(admin, 'keys-after-rotation');
  });

  it('revokes a key after a confirmation naming it, and the key stops working at once', async () => {
    await keyRow(admin, rotatedKey).getByRole('button', { name: 'Revoke CI deploys' }).click();
    const confirm = admin.getByRole('alertdialog', { name: 'Revoke “CI deploys”?' });
    await screenshot(admin, 'revoke-confirmation');
    await expectFitsPhone(admin, 'revoke-confirmation');
    await confirm.getByRole('button', { name: 'Revoke “CI deploys”' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await whoami(rotatedKey)).status).toBe(401);
    // The row and its button are gone: focus lands on the message saying what happened.
    await keyRow(admin, rotatedKey).waitFor({ state: 'detached' });
    expect((await focused(admin)).text).toBe(
      `Revoked “CI deploys” (${preview(rotatedKey)}). It stopped working.`,
    );
    await admin.getByLabel('Show').selectOption('revoked');
    const revokedRow = keyRow(admin, rotatedKey);
    await revokedRow.getByText(/^Revoked at /).waitFor();
    // A revoked key shows its revocation, not an expiry still ahead (item 17).
    expect((await revokedRow.getByRole('cell').nth(5).textContent())?.trim()).toBe('—');
    await admin.getByLabel('Show').selectOption('active');
  });

  it('lists who did what to which key in Activity, newest first', async () => {
    await admin.getByRole('link', { name: 'Activity' }).click();
    await admin.getByRole('heading', { name: 'Activity' }).waitFor();
    const rows = admin.getByRole('row');
    await rows.filter({ hasText: 'Revoked API key “CI deploys”' }).waitFor();
    const texts = await rows.allInnerTexts();
    const revoked = texts.findIndex((t) => t.includes('Revoked API key'));
    const rotated = texts.findIndex((t) => t.includes('Rotated API key'));
    const created = texts.findIndex((t) => t.includes('Created API key'));
    expect(revoked).toBeGreaterThan(0);
    expect(revoked).toBeLessThan(rotated);
    expect(rotated).toBeLessThan(created);
    expect(texts[revoked]).toContain('admin@example.com');
    // Each key event names the key's preview: the two “CI deploys” keys can be told apart.
    expect(texts[revoked]).toContain(`Revoked API key “CI deploys” (${preview(rotatedKey)})`);
    expect(texts[rotated]).toContain(`(${preview(firstKey)} → ${preview(rotatedKey)})`);
    expect(texts[created]).toContain(`Created API key “CI deploys” (${preview(firstKey)})`);
    await screenshot(admin, 'activity');
    await expectFitsPhone(admin, 'activity');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const result = await admin.evaluate(async () => {
      const response = await fetch('/api/v1/api-keys', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'forged' }),
      });
      return { status: response.status, body: (await response.json()) as any };
    });
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe('CSRF_FAILED');
  });

  it('lets an admin invite a viewer, who creates their account with the link and cannot create keys', async () => {
    await admin.getByRole('link', { name: 'Settings' }).click();
    await admin
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Members' })
      .click();
    const form = admin.getByRole('form', { name: 'Invite a member' });
    await form.getByLabel('Email').fill('viewer@example.com');
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByRole('button', { name: 'Invite' }).click();
    const inviteUrl = await admin.getByLabel('Invitation link').inputValue();
    expect(inviteUrl).toMatch(/\/invite\?token=/);
    await screenshot(admin, 'member-invitation');
    await expectFitsPhone(admin, 'member-invitation');
    await admin.getByRole('button', { name: 'Done' }).click();
    const pending = admin.getByRole('row').filter({ hasText: 'viewer@example.com' });
    await pending.getByText('invited', { exact: true }).waitFor();
    expect(await pending.getByText(/^Joined/).count()).toBe(0);
    await screenshot(admin, 'members-pending');
    await expectFitsPhone(admin, 'members');

    const viewer = await openBrowser();
    await viewer.goto(inviteUrl);
    await viewer.getByRole('heading', { name: 'Join Acme' }).waitFor();
    await expectFitsPhone(viewer, 'invite');
    // The account's email, read-only and marked as the username for password managers.
    const username = viewer.getByLabel('Email');
    expect(await username.inputValue()).toBe('viewer@example.com');
    expect(await username.getAttribute('autocomplete')).toBe('username');
    expect(await username.isEditable()).toBe(false);
    await viewer.getByLabel('Password', { exact: true }).fill('viewer password 123');
    await viewer.getByLabel('Password again').fill('viewer password 124');
    await viewer.getByRole('button', { name: 'Create account and join' }).click();
    await viewer.getByRole('alert').filter({ hasText: 'The two passwords differ.' }).waitFor();
    await viewer.getByLabel('Password again').fill('viewer password 123');
    await screenshot(viewer, 'invite-new-account');
    await viewer.getByRole('button', { name: 'Create account and join' }).click();
    await viewer.getByRole('heading', { name: 'API keys' }).waitFor();
    await viewer.getByText('you can see the keys but not change them').waitFor();
    await viewer.getByRole('row').filter({ hasText: 'CI deploys' }).first().waitFor();
    expect(await viewer.getByRole('button', { name: 'Create key' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /Revoke|Rotate/ }).count()).toBe(0);
    await screenshot(viewer, 'viewer-keys');
    await expectFitsPhone(viewer, 'viewer-keys');
    viewerPage = viewer;

    const attempt = await apiFromPage(viewer, 'POST', '/api/v1/api-keys', { name: 'viewer key' });
    expect(attempt.status).toBe(403);
    expect(attempt.body.error.code).toBe('INSUFFICIENT_SCOPE');
  });

  it('joins an existing account only when its owner signs in as the invited email and accepts', async () => {
    await createAccount('owner@other.example', 'Other Co', 'other owner password');
    await admin.reload();
    const form = admin.getByRole('form', { name: 'Invite a member' });
    await form.getByLabel('Email').fill('owner@other.example');
    await form.getByLabel('Role').selectOption('admin');
    await form.getByRole('button', { name: 'Invite' }).click();
    const inviteUrl = await admin.getByLabel('Invitation link').inputValue();
    await admin.getByRole('button', { name: 'Done' }).click();

    // Someone else, signed in, cannot use it.
    await viewerPage.goto(inviteUrl);
    await viewerPage.getByText('You are signed in as viewer@example.com').waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Accept invitation' }).count()).toBe(0);

    // The owner, signed in as the invited email, accepts with one click.
    owner = await openBrowser();
    await owner.goto(`${suite.origin}/login`);
    await owner.getByLabel('Email').fill('owner@other.example');
    await owner.getByLabel('Password').fill('other owner password');
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner.getByRole('heading', { name: 'API keys' }).waitFor();
    await owner.goto(inviteUrl);
    await owner.getByRole('heading', { name: 'Join Acme' }).waitFor();
    await owner.getByText(/invited owner@other\.example to join Acme as admin/).waitFor();
    await screenshot(owner, 'invite-signed-in');
    await owner.getByRole('button', { name: 'Accept invitation' }).click();
    await owner.getByRole('heading', { name: 'API keys' }).waitFor();
    await owner.getByLabel('Workspace').waitFor();
    expect(await owner.getByLabel('Workspace').inputValue()).toBe(
      await admin.evaluate(async () => {
        const session = (await (await fetch('/api/v1/session')).json()) as any;
        return session.data.workspace.id as string;
      }),
    );
    await admin.reload();
    const joined = admin.getByRole('row').filter({ hasText: 'owner@other.example' });
    await joined.getByText(/^Joined/).waitFor();
  });

  it('sends a signed-out person with an account to sign in, and never sets their password', async () => {
    await createAccount('second@other.example', 'Second Co', 'second real password');
    const form = admin.getByRole('form', { name: 'Invite a member' });
    await form.getByLabel('Email').fill('second@other.example');
    await form.getByRole('button', { name: 'Invite' }).click();
    const inviteUrl = await admin.getByLabel('Invitation link').inputValue();
    await admin.getByRole('button', { name: 'Done' }).click();

    const second = await openBrowser();
    await second.goto(inviteUrl);
    await second.getByLabel('Password', { exact: true }).fill('a password of my choice');
    await second.getByLabel('Password again').fill('a password of my choice');
    await second.getByRole('button', { name: 'Create account and join' }).click();
    await second.getByText('An account for second@other.example exists already').waitFor();
    await second.getByLabel('Password').fill('second real password');
    await second.getByRole('button', { name: 'Sign in and accept' }).click();
    await second.getByRole('heading', { name: 'API keys' }).waitFor();
    const refused = await fetch(`${suite.origin}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'second@other.example',
        password: 'a password of my choice',
      }),
    });
    expect(refused.status).toBe(401);
  });

  it("shows no Remove on the only admin's row, and removing a member revokes their keys by default", async () => {
    // The owner of Other Co joined Acme as an admin: they make a key here in their browser.
    await owner.goto(`${suite.origin}/settings/api-keys`);
    await owner.getByRole('button', { name: 'Create key' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel('Name').fill('owner laptop');
    await dialog.getByRole('checkbox', { name: /workspace:read/ }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const ownerKey = await owner.getByLabel('Your new API key').inputValue();
    expect((await whoami(ownerKey)).status).toBe(200);

    await admin.reload();
    const table = admin.getByRole('table');
    await table.getByRole('row').filter({ hasText: 'owner@other.example' }).waitFor();
    // Two admins now: each may be removed. The role menu and Remove follow last_admin.
    expect(await table.getByRole('button', { name: 'Remove admin@example.com' }).count()).toBe(1);
    await admin.getByRole('button', { name: 'Remove owner@other.example' }).click();
    const confirm = admin.getByRole('alertdialog', { name: 'Remove owner@other.example?' });
    await confirm.getByText('owner laptop').waitFor();
    expect(await confirm.getByRole('checkbox', { name: /Revoke it now/ }).isChecked()).toBe(true);
    await screenshot(admin, 'remove-member');
    await confirm.getByRole('button', { name: 'Remove owner@other.example' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await whoami(ownerKey)).status).toBe(401);
    // Back to one admin: no Remove on their own row.
    await admin
      .getByRole('row')
      .filter({ hasText: 'owner@other.example' })
      .waitFor({ state: 'detached' });
    expect(await admin.getByRole('button', { name: 'Remove admin@example.com' }).count()).toBe(0);
    expect(await admin.getByRole('button', { name: 'Remove viewer@example.com' }).count()).toBe(1);
  });

  it('shows a use of a key at once: "less than a minute ago", not "Never"', async () => {
    const made = (await apiFromPage(admin, 'POST', '/api/v1/api-keys', { name: 'used at once' }))
      .body.data;
    expect((await whoami(made.api_key)).status).toBe(200);
    await admin.goto(`${suite.origin}/settings/api-keys`);
    const row = admin.getByRole('row').filter({ hasText: 'used at once' });
    // Columns after the name: key, type, scopes, created, last used.
    expect((await row.getByRole('cell').nth(4).textContent())?.trim()).toBe(
      'less than a minute ago',
    );
  });

  it('loaded nothing from another host', () => {
    const foreign = suite.requested.filter(
      (url) => !url.startsWith(suite.origin) && !url.startsWith('data:'),
    );
    expect(foreign).toEqual([]);
  });
});
