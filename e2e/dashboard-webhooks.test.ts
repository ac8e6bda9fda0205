import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServerCli } from '../packages/server/src/cli.js';
import { readConfig } from '../packages/server/src/config.js';
import { type RunningServer, startServer } from '../packages/server/src/main.js';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../packages/server/src/test-support/webhook-receiver.js';

/**
 * Settings → Webhooks and the leaked-key banner in a real Chromium at a phone's width
 * (390 × 844): adding a webhook shows its secret once, a key event is delivered to a local
 * receiver and verified with that secret, the log shows it, and a key reported leaked gets
 * its banner on the keys page. Nothing may overflow the screen sideways.
 */
const CHROMIUM =
  process.env.ONEPIN_TEST_CHROMIUM?.trim() ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const REQUIRED = process.env.CI === 'true';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts', 'dashboard');
const PHONE = { width: 390, height: 844 };

describe.skipIf(!CHROMIUM && !REQUIRED)('dashboard webhooks at 390 px (issue 16)', () => {
  let server: RunningServer;
  let receiver: WebhookReceiver;
  let context: BrowserContext;
  let page: Page;
  const dirs: string[] = [];
  let serverEnv: Record<string, string>;

  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  /** Whether anything is wider than the screen (the page would scroll sideways). */
  const overflowsSideways = () =>
    page.evaluate(() => {
      const root = (globalThis as any).document.documentElement;
      return root.scrollWidth > root.clientWidth;
    });

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('Chromium is required in CI: apt-get install chromium');
    if (!existsSync(join(ROOT, 'packages/dashboard/dist/index.html'))) {
      throw new Error('The dashboard is not built: run `npm run build` first (`npm test` does).');
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    receiver = await startWebhookReceiver();
    serverEnv = {
      ONEPIN_HOST: '127.0.0.1',
      ONEPIN_PORT: '0',
      ONEPIN_DATA_DIR: tempDir('onepin-e2e-webhooks-'),
      ONEPIN_LOG_LEVEL: 'silent',
      ONEPIN_WEBHOOKS_ALLOW_PRIVATE: 'true',
    };
    server = await startServer(readConfig(serverEnv), { print: () => {} });
    serverEnv.ONEPIN_PUBLIC_URL = server.url;
    const code = await runServerCli(
      [
        'admin',
        'create-user',
        '--email',
        'hooks@example.com',
        '--password',
        'correct horse battery',
        '--workspace',
        'Hooks',
      ],
      { env: serverEnv, print: () => {} },
    );
    expect(code).toBe(0);
    context = await chromium.launchPersistentContext(tempDir('onepin-chromium-'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: PHONE,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await server?.close();
    await receiver?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('adds a webhook, shows its secret once, and logs a verified delivery', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill('hooks@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    expect(await overflowsSideways()).toBe(false);

    await page.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a webhook' });
    await dialog.getByLabel('Endpoint URL').fill(receiver.url);
    await dialog.getByLabel('api_key.created').check();
    await dialog.getByLabel('api_key.leaked').check();
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    const secret = await page.getByLabel(`Signing secret for ${receiver.url}`).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.screenshot({ path: join(ARTIFACTS, 'webhooks-secret-390.png'), fullPage: true });
    await page.getByRole('button', { name: 'I have stored it safely' }).click();
    receiver.secrets = [secret];
    expect(await page.content()).not.toContain(secret);

    const made = await runServerCli(
      ['admin', 'create-key', '--workspace', await workspaceId(), '--name', 'announced'],
      { env: serverEnv, print: () => {} },
    );
    expect(made).toBe(0);
    const [delivery] = await receiver.waitFor(1);
    expect(delivery?.json.type).toBe('api_key.created');
    expect(delivery?.verifiedWith).toBe(0);

    await page.getByRole('button', { name: 'Deliveries' }).click();
    const log = page.getByRole('list', { name: `Deliveries to ${receiver.url}` });
    await log.getByText('HTTP 204').waitFor();
    expect(await overflowsSideways()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'webhooks-390.png'), fullPage: true });
  });

  it('shows the leak banner on the keys page once a key is reported', async () => {
    const leaked: string[] = [];
    await runServerCli(
      ['admin', 'create-key', '--workspace', await workspaceId(), '--name', 'pasted in a gist'],
      { env: serverEnv, print: (line) => leaked.push(...(line.match(/op_live_\w{32}/g) ?? [])) },
    );
    expect(leaked).toHaveLength(1);
    const reported = await fetch(`${server.url}/api/v1/credentials/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: leaked }),
    });
    expect(reported.status).toBe(202);
    const events = await receiver.waitFor(3);
    expect(events.map((event) => event.json.type)).toContain('api_key.leaked');

    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Show').selectOption('all');
    const banner = page.getByRole('alert').filter({ hasText: 'Leaked:' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('“pasted in a gist”');
    expect(await banner.textContent()).toContain('a public report');
    // The banner fits the phone's width (the keys table beside it is the phone layout's own work).
    const box = await banner.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'api-keys-leaked-390.png'), fullPage: true });
  });

  async function workspaceId(): Promise<string> {
    return page.evaluate(async () => {
      const response = await fetch('/api/v1/session');
      const session = (await response.json()) as { data: { workspace: { id: string } } };
      return session.data.workspace.id;
    });
  }
});
