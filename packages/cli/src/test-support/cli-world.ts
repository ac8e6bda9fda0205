import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyType, ScopeCatalogue } from '@onepin/core';
import type { TestDialect } from '@onepin/db/test-support';
import {
  type TestWorkspace,
  type TestWorld,
  type TestWorldOptions,
  worldPerSuite,
} from '@onepin/server/test-support';
import { afterEach, beforeEach, vi } from 'vitest';
import { main } from '../main.js';
import { captureIo } from './capture-io.js';

/** What a command printed and how it exited. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** stdout parsed as JSON (for --json). */
  json<T = any>(): T;
}

export interface RunOptions {
  /** The CLI's environment (only the ONEPIN_ variables and NO_COLOR matter). */
  env?: Record<string, string | undefined>;
  /** All three streams are terminals: tables, prompts, colours (unless NO_COLOR). */
  tty?: boolean;
  /** The terminal's width with `tty` (80 when not given). */
  columns?: number;
  /** What stdin holds (piped), or what is typed at a prompt with `tty` (chunks: one by one). */
  input?: string | string[];
  /** The CLI's clock; the server's fake clock by default. */
  now?: () => number;
  /** SDK client options to add (e.g. `maxRetries: 0`). */
  maxRetries?: number;
  /** The working directory (for `scan`). */
  cwd?: string;
  /**
   * Instead of moving the server's clock by each wait (retries, device-login polls): sees the
   * terminal so far and may act meanwhile (approve in the "browser", press Ctrl-C).
   */
  sleep?: (ms: number, terminal: { err: () => string; interrupt: () => void }) => Promise<void>;
  /** What opening a browser does (`login --web`); by default no browser can be opened. */
  openBrowser?: (url: string) => Promise<boolean>;
  /** Every request fails as if the network were down. */
  offline?: boolean;
}

/**
 * The real server app on one dialect, shared by a suite, and `onepin` commands run in
 * process against it with a fresh temp HOME per test (so `~/.onepin/credentials` is the
 * test's own). Every request the CLI sends is recorded.
 */
export function cliWorldPerSuite(dialect: TestDialect, options?: TestWorldOptions) {
  const suite = worldPerSuite(dialect, options);
  let home = '';
  let workspace: Promise<TestWorkspace> | undefined;
  const requests: Request[] = [];

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'onepin-cli-home-'));
    vi.stubEnv('HOME', home);
    requests.length = 0;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(home, { recursive: true, force: true });
  });

  const api = {
    get world(): TestWorld {
      return suite.world;
    },
    /** This test's HOME. */
    get home(): string {
      return home;
    },
    /** `~/.onepin/credentials` under this test's HOME. */
    get credentialsFile(): string {
      return join(home, '.onepin', 'credentials');
    },
    requests,
    /** The workspace of the suite (made on first use). */
    workspace(): Promise<TestWorkspace> {
      workspace ??= suite.world.createWorkspace('Acme');
      return workspace;
    },
    /** A new key of the suite's workspace; its plaintext. */
    async key(
      scopes: string[] = [],
      options: { type?: KeyType; name?: string; expiresAt?: string } = {},
    ): Promise<string> {
      return (await api.keyRecord(scopes, options)).plaintext;
    },
    async keyRecord(
      scopes: string[] = [],
      options: {
        type?: KeyType;
        name?: string;
        expiresAt?: string;
        catalogue?: ScopeCatalogue;
      } = {},
    ) {
      return suite.world.createKey(await api.workspace(), { scopes, ...options });
    },
    /**
     * Runs `onepin keys …args` as a key holding api_keys:read/write and workspace:read (a new
     * one each time), or as `as`; no colour.
     */
    async keys(args: string[], options: RunOptions & { as?: string } = {}): Promise<CliRun> {
      const as =
        options.as ?? (await api.key(['api_keys:read', 'api_keys:write', 'workspace:read']));
      return api.run(['keys', ...args], {
        ...options,
        env: { ONEPIN_API_KEY: as, NO_COLOR: '1', ...options.env },
      });
    },
    /** Runs `onepin …args` against the app. */
    async run(args: string[], options: RunOptions = {}): Promise<CliRun> {
      const { world } = suite;
      const io = captureIo({
        env: options.env ?? {},
        tty: options.tty ?? false,
        ...(options.columns !== undefined && { columns: options.columns }),
        ...(options.cwd !== undefined && { cwd: options.cwd }),
        ...(options.input !== undefined && { input: options.input }),
      });
      const code = await main(args, io, {
        client: {
          fetch: async (request) => {
            requests.push(request.clone());
            if (options.offline) throw new TypeError('fetch failed');
            return world.app.request(request);
          },
          sleep: async (ms) => (options.sleep ? options.sleep(ms, io) : world.clock.advance(ms)),
          ...(options.maxRetries !== undefined && { maxRetries: options.maxRetries }),
        },
        now: options.now ?? (() => world.clock.now()),
        openBrowser: options.openBrowser ?? (async () => false),
      });
      const out = io.out();
      return { code, out, err: io.err(), json: () => JSON.parse(out) };
    },
  };
  return { cli: api, run: suite.run };
}
