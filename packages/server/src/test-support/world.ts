import { Writable } from 'node:stream';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { KeyType, Role, ScopeCatalogue } from '@onepin/core';
import { insertMembership, insertUser } from '@onepin/db';
import {
  dialectAvailable,
  findKeysInDatabase,
  KEY_ANYWHERE,
  type TestDatabase,
  type TestDialect,
} from '@onepin/db/test-support';
import { afterAll, beforeAll, it } from 'vitest';
import { type BuildAppOptions, buildApp } from '../app.js';
import { csrfTokenFor, sessionCookieName } from '../auth/session-cookie.js';
import { type AppDeps, type AppDepsOptions, createAppDeps } from '../deps.js';
import type { AppEnv } from '../http/app-env.js';
import { createLogger } from '../logger.js';
import { createUserWithWorkspace } from '../services/accounts.js';
import { createApiKey, FULL_AUTHORITY } from '../services/api-keys.js';
import { processReportedRevocations } from '../services/key-event-sweeps.js';
import { createServiceToken, revokeServiceTokenById } from '../services/service-tokens.js';
import { createSession } from '../services/sessions.js';
import { FakeClock } from './fake-clock.js';

export interface TestKey {
  plaintext: string;
  id: string;
  workspaceId: string;
}

export interface TestWorkspace {
  id: string;
  name: string;
  userId: string;
  email: string;
}

/** A signed-in dashboard session, as a browser holds it. */
export interface TestSession {
  /** The `Cookie` header value. */
  cookie: string;
  csrfToken: string;
  userId: string;
  email: string;
}

export interface RequestOptions {
  key?: string | null;
  /** Sends the session cookie, and its CSRF token on POST/PUT/PATCH/DELETE unless `csrf` is false. */
  session?: TestSession;
  csrf?: boolean;
  body?: unknown;
  /** Sent as is (not JSON-encoded) when a string. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** The client address the server sees; each world uses its own by default. */
  address?: string;
}

export interface TestWorld {
  app: OpenAPIHono<AppEnv>;
  deps: AppDeps;
  clock: FakeClock;
  database: TestDatabase;
  /** Every log line the server wrote, for tests that look for leaks. */
  logLines: string[];
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** Sends and parses the JSON body. */
  call(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<{ status: number; body: any; headers: Headers }>;
  createWorkspace(name?: string): Promise<TestWorkspace>;
  createKey(
    workspace: TestWorkspace,
    options?: {
      scopes?: string[];
      type?: KeyType;
      expiresAt?: string;
      rateLimitPerMin?: number;
      name?: string;
      /** Made as device login makes its keys (it may then revoke itself). */
      createdVia?: 'device_login';
      /** Made under another catalogue than the server's (a scope since removed from it). */
      catalogue?: ScopeCatalogue;
    },
  ): Promise<TestKey>;
  /** Adds a new person with `role` to the workspace. */
  addMember(workspace: TestWorkspace, role: Role): Promise<{ userId: string; email: string }>;
  /**
   * Signs in the workspace's owner (an admin), or a new member with `role`; with
   * `instanceAdmin`, a new member with `role` who is an instance admin.
   */
  signIn(
    workspace: TestWorkspace,
    role?: Role,
    options?: { instanceAdmin?: boolean },
  ): Promise<TestSession>;
  /** Starts a session for an existing person. */
  sessionFor(person: { userId: string; email: string }): Promise<TestSession>;
  /** Revokes what was reported to the public revocation endpoint (the worker's job). */
  processLeakReports(): Promise<void>;
  /** A new service token (`op_svc_…`, for the verify API), as an instance admin makes one. */
  createServiceToken(name?: string): Promise<{ id: string; token: string }>;
  /** Revokes a service token (every node forgets it at once). */
  revokeServiceToken(id: string): Promise<void>;
  dispose(): Promise<void>;
}

export interface TestWorldOptions extends Omit<AppDepsOptions, 'database'> {
  app?: BuildAppOptions;
}

let workspaceCounter = 0;

/** The session a response started (sign-in, setup, a link), as a browser would send it back. */
export function sessionFromResponse(response: { headers: Headers; body: any }): TestSession {
  const setCookie = response.headers.get('set-cookie') ?? '';
  return {
    cookie: setCookie.split(';')[0] ?? '',
    csrfToken: response.body.data.csrf_token,
    userId: response.body.data.user.id,
    email: response.body.data.user.email,
  };
}

/** A fresh database of one dialect, the real app on top of it, and helpers to drive it. */
export async function createTestWorld(
  dialect: TestDialect,
  options: TestWorldOptions = {},
): Promise<TestWorld> {
  const database = await dialect.create();
  const clock = options.clock instanceof FakeClock ? options.clock : new FakeClock();
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const deps = createAppDeps({
    failedAuthLimitPerMin: 1_000_000,
    logger: createLogger('info', sink),
    ...options,
    clock,
    database: database.handle,
  });
  const app = buildApp(deps, options.app);

  const request = (method: string, path: string, opts: RequestOptions = {}) => {
    // As a browser at the public URL sends it (the server checks it for browser requests).
    const headers: Record<string, string> = {
      host: new URL(deps.settings.publicUrl).host,
      ...opts.headers,
    };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    if (opts.session) {
      headers.cookie ??= opts.session.cookie;
      if (method !== 'GET' && opts.csrf !== false)
        headers['x-csrf-token'] ??= opts.session.csrfToken;
    }
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const env = { incoming: { socket: { remoteAddress: opts.address ?? '127.0.0.1' } } };
    return Promise.resolve(
      app.request(path, { method, headers, ...(body !== undefined && { body }) }, env as never),
    );
  };

  async function addMember(workspace: TestWorkspace, role: Role) {
    workspaceCounter++;
    const userId = deps.newId();
    const email = `${role}${workspaceCounter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const now = new Date(clock.now()).toISOString();
    const db = database.handle.db;
    await insertUser(db, {
      id: userId,
      email,
      password_hash: null,
      created_at: now,
      updated_at: now,
    });
    await insertMembership(db, {
      workspace_id: workspace.id,
      user_id: userId,
      role,
      created_at: now,
    });
    return { userId, email };
  }

  async function sessionFor(person: { userId: string; email: string }): Promise<TestSession> {
    const { token } = await createSession(deps, person.userId, {
      address: '127.0.0.1',
      userAgent: 'test',
    });
    return {
      cookie: `${sessionCookieName(deps.settings)}=${token}`,
      csrfToken: csrfTokenFor(token),
      ...person,
    };
  }

  return {
    app,
    deps,
    clock,
    database,
    logLines,
    request,
    async call(method, path, opts) {
      const response = await request(method, path, opts);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body, headers: response.headers };
    },
    async createWorkspace(name) {
      workspaceCounter++;
      const email = `owner${workspaceCounter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
      const { user, workspace } = await createUserWithWorkspace(deps, {
        email,
        workspaceName: name ?? `Workspace ${workspaceCounter}`,
      });
      return { id: workspace.id, name: workspace.name, userId: user.id, email };
    },
    async createKey(workspace, opts = {}) {
      const { record, plaintext } = await createApiKey(
        opts.catalogue ? { ...deps, scopes: opts.catalogue } : deps,
        {
          type: 'system',
          id: null,
          name: 'test',
          workspaceId: workspace.id,
          userId: workspace.userId,
        },
        FULL_AUTHORITY,
        {
          name: opts.name ?? 'test key',
          scopes: opts.scopes ?? [],
          key_type: opts.type ?? 'live',
          rate_limit_per_min: opts.rateLimitPerMin ?? null,
          expires_at: opts.expiresAt ?? null,
        },
        opts.createdVia ? { createdVia: opts.createdVia } : {},
      );
      return { plaintext, id: record.id, workspaceId: workspace.id };
    },
    addMember,
    async signIn(workspace, role = 'admin', signInOptions = {}) {
      if (signInOptions.instanceAdmin) {
        const person = await addMember(workspace, role);
        await database.handle.db
          .updateTable('users')
          .set({ instance_admin: 1 })
          .where('id', '=', person.userId)
          .execute();
        return sessionFor(person);
      }
      return sessionFor(
        role === 'admin'
          ? { userId: workspace.userId, email: workspace.email }
          : await addMember(workspace, role),
      );
    },
    sessionFor,
    async createServiceToken(name = 'test service') {
      const made = await createServiceToken(deps, { name, createdBy: null });
      return { id: made.id, token: made.token };
    },
    async revokeServiceToken(id) {
      await revokeServiceTokenById(deps, id);
    },
    async processLeakReports() {
      while ((await processReportedRevocations(deps, 30_000)) > 0) {}
    },
    /** Drops the database, after checking that neither it nor the logs hold a plaintext key
     * (SPEC §2): every test that uses a world checks this for free. */
    async dispose() {
      try {
        const stored = await findKeysInDatabase(database.handle);
        const logged = logLines.filter((line) => line.match(KEY_ANYWHERE) !== null).length;
        if (stored.length > 0 || logged > 0) {
          const where = stored.map((f) => `${f.table} (${f.match})`);
          if (logged > 0) where.push(`${logged} log line(s)`);
          throw new Error(`plaintext API keys found after the test: ${where.join(', ')}`);
        }
      } finally {
        await database.dispose();
      }
    },
  };
}

/**
 * One world shared by the tests of a `describe` block on one dialect: created before them,
 * disposed after. `run` is `it`, skipped (and reported as such) when the dialect is not
 * available here.
 */
export function worldPerSuite(dialect: TestDialect, options?: TestWorldOptions) {
  let world: TestWorld | undefined;
  const available = dialectAvailable(dialect);
  beforeAll(async () => {
    if (available) world = await createTestWorld(dialect, options);
  });
  afterAll(async () => world?.dispose());
  return {
    get world(): TestWorld {
      if (!world) throw new Error(`the ${dialect.name} test world is not ready`);
      return world;
    },
    run: it.skipIf(!available),
  };
}
