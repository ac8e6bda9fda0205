import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase } from '@onepin/db/test-support';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { readConfig } from '../../packages/server/src/config.js';
import { type RunningServer, startServer } from '../../packages/server/src/main.js';

/**
 * The one way the e2e tests start Chromium: Debian's (`.ci/run` installs it), through
 * playwright-core, against a real server built from `npm run build`, on SQLite and (when
 * ONEPIN_TEST_DATABASE_URL is set) PostgreSQL.
 */
export const CHROMIUM =
  process.env.ONEPIN_TEST_CHROMIUM?.trim() ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
export const CHROMIUM_REQUIRED = process.env.CI === 'true';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts', 'dashboard');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

if (!CHROMIUM && !CHROMIUM_REQUIRED) {
  console.warn(
    'Skipping the dashboard browser tests: Chromium is not installed (apt-get install chromium, or set ONEPIN_TEST_CHROMIUM).',
  );
}

/** Whether the browser suites run here (in CI they must). */
export const browserSuitesRun = Boolean(CHROMIUM) || CHROMIUM_REQUIRED;

const postgresUrl = process.env.ONEPIN_TEST_DATABASE_URL?.trim();
export const DATABASES = [
  { name: 'sqlite', create: async () => ({ url: undefined, drop: async () => {} }) },
  ...(postgresUrl
    ? [
        {
          name: 'postgres',
          create: () =>
            createPostgresDatabase(postgresUrl) as Promise<{
              url: string | undefined;
              drop(): Promise<void>;
            }>,
        },
      ]
    : []),
];
export type TestDatabaseChoice = (typeof DATABASES)[number];

/**
 * Calls the API from inside `page`, as its signed-in person: the session cookie and the
 * session's CSRF token, like the dashboard's own requests. Returns the status and the body.
 */
export function apiFromPage(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/v1/session')).json()) as any;
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.data.csrf_token },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as any };
    },
    { method, path, body },
  );
}

/** A phone's viewport (an iPhone 12–15): every page must fit it without sideways scrolling. */
export const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 720 };

/**
 * A server with a fresh database and a way to open Chromium on it, for one `describe`:
 * started before its tests, stopped (and everything removed) after them.
 */
export function dashboardSuite(
  database: TestDatabaseChoice,
  label: string,
  options: {
    /** The operator's own scopes (`ONEPIN_SCOPES_FILE`), as TOML. */
    scopesToml?: string;
  } = {},
) {
  let server: RunningServer | undefined;
  let dropDatabase: () => Promise<void> = async () => {};
  const dirs: string[] = [];
  const contexts: BrowserContext[] = [];
  const state = { origin: '', setupUrl: '', databaseUrl: '', env: {} as Record<string, string> };
  /** Every URL the browser asked for: none may leave the server's origin. */
  const requested: string[] = [];

  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'packages/dashboard/dist/index.html'))) {
      throw new Error('The dashboard is not built: run `npm run build` first (`npm test` does).');
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    const created = await database.create();
    dropDatabase = created.drop;
    const lines: string[] = [];
    let scopesFile: string | undefined;
    if (options.scopesToml !== undefined) {
      scopesFile = join(tempDir('onepin-e2e-scopes-'), 'scopes.toml');
      writeFileSync(scopesFile, options.scopesToml);
    }
    state.env = {
      ONEPIN_HOST: '127.0.0.1',
      ONEPIN_PORT: '0',
      ONEPIN_DATA_DIR: tempDir('onepin-e2e-'),
      ONEPIN_LOG_LEVEL: 'silent',
      ...(created.url && { ONEPIN_DATABASE_URL: created.url }),
      ...(scopesFile && { ONEPIN_SCOPES_FILE: scopesFile }),
    };
    const config = readConfig(state.env);
    state.databaseUrl = config.databaseUrl;
    server = await startServer(config, { print: (line) => lines.push(line) });
    state.origin = server.url;
    state.setupUrl =
      lines
        .flatMap((text) => text.split('\n'))
        .map((line) => line.trim())
        .find((line) => line.includes('/setup?token=')) ?? '';
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await server?.close();
    await dropDatabase();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  return {
    get origin() {
      return state.origin;
    },
    get setupUrl() {
      return state.setupUrl;
    },
    /** The server's database, for a test that must age a row the way time would. */
    get databaseUrl() {
      return state.databaseUrl;
    },
    /** The server's environment, for admin commands on its database (`runServerCli`). */
    get env(): Record<string, string> {
      return state.env;
    },
    requested,
    /** A new browser profile (its own cookies) with one page. */
    async openBrowser(): Promise<Page> {
      if (!CHROMIUM)
        throw new Error('Chromium is required in CI: install it with apt-get install chromium');
      const context = await chromium.launchPersistentContext(tempDir('onepin-chromium-'), {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: DESKTOP,
      });
      contexts.push(context);
      context.on('request', (request) => requested.push(request.url()));
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: state.origin,
      });
      return context.pages()[0] ?? context.newPage();
    },
    /** Saves a full-page screenshot under test-artifacts/dashboard/ (git-ignored). */
    screenshot: (page: Page, name: string) =>
      page.screenshot({
        path: join(ARTIFACTS, `${database.name}-${label}-${name}.png`),
        fullPage: true,
      }),
    /**
     * Looks at `page` as a phone does (390 px wide): the page must not scroll sideways and
     * every open dialog must sit wholly on screen. Saves a screenshot, then goes back to
     * the desktop size.
     */
    async expectFitsPhone(page: Page, name: string): Promise<void> {
      await page.setViewportSize(PHONE);
      try {
        // Two frames: the layout settles after the resize.
        await page.evaluate(() => {
          const frame = (globalThis as any).requestAnimationFrame;
          return new Promise((done) => frame(() => frame(done)));
        });
        const { scrollWidth, clientWidth, sticking } = await page.evaluate((width) => {
          const document = (globalThis as any).document;
          const root = document.documentElement;
          // The elements that reach past the right edge, for the failure message.
          const sticking = [...document.body.querySelectorAll('*')]
            .filter((element: any) => element.getBoundingClientRect().right > width + 0.5)
            .slice(0, 5)
            .map((element: any) => {
              const classes = element.className
                ? `.${String(element.className).split(' ').join('.')}`
                : '';
              return `${element.tagName.toLowerCase()}${classes} (${Math.round(element.getBoundingClientRect().right)} px)`;
            });
          return {
            scrollWidth: root.scrollWidth as number,
            clientWidth: root.clientWidth,
            sticking,
          };
        }, PHONE.width);
        expect(clientWidth, `${name}: the viewport`).toBe(PHONE.width);
        expect(
          scrollWidth,
          `${name} scrolls sideways at ${PHONE.width} px: ${sticking.join(', ')}`,
        ).toBeLessThanOrEqual(PHONE.width);
        for (const dialog of await page.locator('dialog[open]').all()) {
          const box = await dialog.boundingBox();
          expect(box, `${name}: an open dialog has a box`).not.toBeNull();
          if (!box) continue;
          expect(box.x, `${name}: the dialog's left edge`).toBeGreaterThanOrEqual(0);
          expect(box.y, `${name}: the dialog's top edge`).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, `${name}: the dialog's right edge`).toBeLessThanOrEqual(
            PHONE.width,
          );
          expect(box.y + box.height, `${name}: the dialog's bottom edge`).toBeLessThanOrEqual(
            PHONE.height,
          );
          const inner = await dialog.evaluate((element: any) => ({
            scroll: element.scrollWidth as number,
            client: element.clientWidth as number,
          }));
          expect(inner.scroll, `${name}: the dialog scrolls sideways`).toBeLessThanOrEqual(
            inner.client,
          );
        }
        await page.screenshot({
          path: join(ARTIFACTS, `${database.name}-${label}-phone-${name}.png`),
          fullPage: true,
        });
      } finally {
        await page.setViewportSize(DESKTOP);
      }
    },
  };
}
