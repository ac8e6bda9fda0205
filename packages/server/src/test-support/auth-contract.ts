import { generateApiKey, ROLE_SCOPES, type Role, SCOPES, type Scope } from '@onepin/core';
import { dialectAvailable, type TestDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from '../auth/session-cookie.js';
import { FULL_AUTHORITY, revokeApiKey } from '../services/api-keys.js';
import { SESSION_IDLE_TIMEOUT_MS } from '../services/sessions.js';
import { createTestWorld, type TestSession, type TestWorkspace, type TestWorld } from './world.js';

export interface ContractRequest {
  method: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** One protected operation, described so the shared suite can attack it (ARCHITECTURE §Tests). */
export interface AuthContractCase {
  /** `METHOD /path/{param}` exactly as in the OpenAPI document. */
  operation: string;
  /** The scope the route needs; `null` when any valid key may call it. */
  scope: Scope | null;
  /**
   * Builds a request that succeeds for a live key of `workspace` holding `scope`, or for
   * `caller` when a session's success depends on who it is (accepting an invitation).
   */
  prepare(
    world: TestWorld,
    workspace: TestWorkspace,
    caller?: TestSession,
  ): Promise<ContractRequest>;
  /** The request names one object, so another workspace's key must get 404. */
  targetsObject: boolean;
  /** Only a signed-in person may call it: API keys get 403 `FORBIDDEN` whatever their scopes. */
  sessionOnly?: boolean;
  /** The role a session needs; by default the least role whose scopes include `scope`. */
  role?: Role;
  /**
   * Only an instance admin's session may call it (service tokens): the session cases sign in
   * an instance admin, and a workspace admin who is not one gets 403 `FORBIDDEN`.
   */
  instanceAdmin?: boolean;
  /** Only an API key may call it (it acts on the calling key): sessions get 403 `FORBIDDEN`. */
  keyOnly?: boolean;
  /** What every calling key must be besides holding `scope` (e.g. made by device login). */
  callerKey?: { createdVia?: 'device_login' };
  /** A successful call ends the calling key (it revokes itself): the rate-limit case spends
   * the budget on other requests, then expects the 429 from this one. */
  endsCallerKey?: boolean;
}

/** Roles from least to most allowed. */
const ROLES_ASCENDING: readonly Role[] = ['viewer', 'editor', 'admin'];

function leastRole(contract: AuthContractCase): Role {
  if (contract.role) return contract.role;
  const { scope } = contract;
  return (
    ROLES_ASCENDING.find((role) => scope === null || ROLE_SCOPES[role].includes(scope)) ?? 'admin'
  );
}

const isWrite = (request: ContractRequest) => request.method !== 'GET';

const AUTH_FAILURE_STATUSES = [401, 403, 404, 429];

function send(
  world: TestWorld,
  request: ContractRequest,
  key: string | null,
  headers: Record<string, string> = {},
  session?: { session: TestSession; csrf?: boolean },
) {
  return world.call(request.method, request.path, {
    key,
    ...session,
    ...(request.body !== undefined && { body: request.body }),
    ...(request.rawBody !== undefined && { rawBody: request.rawBody }),
    headers: { ...request.headers, ...headers },
  });
}

function expectInvalidKey(response: { status: number; body: any; headers: Headers }) {
  expect(response.status).toBe(401);
  expect(response.body.error.code).toBe('INVALID_API_KEY');
  expect(response.body.error.message).toBe('Invalid API key.');
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  expect(response.headers.get('x-request-id')).toBeTruthy();
}

/** SPEC §4: every response to a request whose key authenticated carries the key's rate-limit
 * headers, the refusals that come after authentication (403, 404) included. */
function expectRateLimitHeaders(response: { headers: Headers }, nowMs: number) {
  expect(response.headers.get('x-ratelimit-limit')).toBe('600');
  expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeGreaterThanOrEqual(0);
  expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(nowMs / 1000);
}

/**
 * The shared authentication contract (SPEC §4), run for every case on every dialect: the
 * same 401 for every bad credential, 403 for a missing scope or a foreign X-Workspace-Id,
 * 404 for another workspace's object, 429 past the key's rate limit.
 */
export function runAuthContract(dialect: TestDialect, cases: readonly AuthContractCase[]): void {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: auth contract`, () => {
    let world: TestWorld;
    let home: TestWorkspace;
    let other: TestWorkspace;

    beforeAll(async () => {
      world = await createTestWorld(dialect);
      home = await world.createWorkspace('Home');
      other = await world.createWorkspace('Other');
    });
    afterAll(async () => world?.dispose());

    describe.each(cases)('$operation', (contract) => {
      const keysAllowed = !contract.sessionOnly;
      const sessionsAllowed = !contract.keyOnly;
      /** A session with `role` in home, an instance admin's when the operation needs one. */
      const signInAs = (role: Role) =>
        world.signIn(home, role, { instanceAdmin: contract.instanceAdmin === true });

      async function keyFor(
        workspace: TestWorkspace,
        scope: Scope | null,
        extra: Partial<{ rateLimitPerMin: number; expiresAt: string }> = {},
      ) {
        return (
          await world.createKey(workspace, {
            scopes: scope ? [scope] : [],
            ...contract.callerKey,
            ...extra,
          })
        ).plaintext;
      }

      it.skipIf(!keysAllowed)(
        'answers a key holding the scope without an auth error, with request id and rate-limit headers',
        async () => {
          const response = await send(
            world,
            await contract.prepare(world, home),
            await keyFor(home, contract.scope),
          );
          expect(AUTH_FAILURE_STATUSES, JSON.stringify(response.body)).not.toContain(
            response.status,
          );
          expect(response.status).toBeLessThan(500);
          expect(response.headers.get('x-request-id')).toBeTruthy();
          expectRateLimitHeaders(response, world.clock.now());
        },
      );

      it('refuses a request without credentials with 401 INVALID_API_KEY', async () => {
        expectInvalidKey(await send(world, await contract.prepare(world, home), null));
      });

      it.each([
        ['a bare key without Bearer', (key: string) => key],
        ['an empty bearer', () => 'Bearer '],
        ['a Basic credential', () => 'Basic dXNlcjpwYXNz'],
        ['a key with a wrong prefix', (key: string) => `Bearer sk_live_${key.slice(8)}`],
        ['a truncated key', (key: string) => `Bearer ${key.slice(0, -1)}`],
        ['two tokens', (key: string) => `Bearer ${key} ${key}`],
      ])('refuses %s with the same 401', async (_label, authorization) => {
        const key = await keyFor(home, contract.scope);
        const response = await send(world, await contract.prepare(world, home), null, {
          authorization: authorization(key),
        });
        expectInvalidKey(response);
      });

      it('refuses a key with a bad checksum with the same 401', async () => {
        const key = await keyFor(home, contract.scope);
        const last = key.at(-1) === 'A' ? 'B' : 'A';
        expectInvalidKey(
          await send(world, await contract.prepare(world, home), `${key.slice(0, -1)}${last}`),
        );
      });

      it('refuses a well-formed key that was never issued with the same 401', async () => {
        expectInvalidKey(
          await send(world, await contract.prepare(world, home), generateApiKey('live')),
        );
      });

      it('refuses a revoked key with the same 401, on the very next request', async () => {
        const created = await world.createKey(home, {
          scopes: contract.scope ? [contract.scope] : [],
          ...contract.callerKey,
        });
        const request = await contract.prepare(world, home);
        await send(world, { method: 'GET', path: '/api/v1/auth/whoami' }, created.plaintext);
        await revokeApiKey(
          world.deps,
          { type: 'system', id: null, name: 'test', workspaceId: home.id, userId: null },
          FULL_AUTHORITY,
          created.id,
        );
        expectInvalidKey(await send(world, request, created.plaintext));
      });

      it('refuses an expired key with the same 401', async () => {
        const expiresAt = new Date(world.clock.now() + 60_000).toISOString();
        const key = await keyFor(home, contract.scope, { expiresAt });
        const request = await contract.prepare(world, home);
        world.clock.advance(61_000);
        expectInvalidKey(await send(world, request, key));
      });

      it.skipIf(contract.scope === null)(
        'refuses a key without the scope with 403 naming it',
        async () => {
          const scopes = SCOPES.filter((scope) => scope !== contract.scope);
          const key = (await world.createKey(home, { scopes, ...contract.callerKey })).plaintext;
          const response = await send(world, await contract.prepare(world, home), key);
          expect(response.status).toBe(403);
          expect(response.body.error.code).toBe('INSUFFICIENT_SCOPE');
          expect(response.body.error.message).toContain(contract.scope);
          expectRateLimitHeaders(response, world.clock.now());
        },
      );

      it("refuses an X-Workspace-Id other than the key's with 403 WORKSPACE_MISMATCH", async () => {
        const key = await keyFor(home, contract.scope);
        const response = await send(world, await contract.prepare(world, home), key, {
          'x-workspace-id': other.id,
        });
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('WORKSPACE_MISMATCH');
        expectRateLimitHeaders(response, world.clock.now());
      });

      it.skipIf(!keysAllowed)("accepts an X-Workspace-Id equal to the key's", async () => {
        const key = await keyFor(home, contract.scope);
        const response = await send(world, await contract.prepare(world, home), key, {
          'x-workspace-id': home.id,
        });
        expect(AUTH_FAILURE_STATUSES).not.toContain(response.status);
      });

      it.skipIf(!contract.targetsObject || !keysAllowed)(
        "answers 404 for another workspace's object",
        async () => {
          const foreign = await contract.prepare(world, other);
          const response = await send(world, foreign, await keyFor(home, contract.scope));
          expect(response.status).toBe(404);
          expect(response.body.error.code).toBe('NOT_FOUND');
          expectRateLimitHeaders(response, world.clock.now());
        },
      );

      it('answers 429 with Retry-After and X-RateLimit-* past the key rate limit', async () => {
        const key = await keyFor(home, contract.scope, { rateLimitPerMin: 2 });
        for (let i = 0; i < 2; i++) {
          const ok = contract.endsCallerKey
            ? await send(world, { method: 'GET', path: '/api/v1/auth/whoami' }, key)
            : await send(world, await contract.prepare(world, home), key);
          expect(ok.status).not.toBe(429);
        }
        const limited = await send(world, await contract.prepare(world, home), key);
        expect(limited.status).toBe(429);
        expect(limited.body.error.code).toBe('RATE_LIMITED');
        expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(limited.headers.get('x-ratelimit-limit')).toBe('2');
        expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
        expect(limited.headers.get('x-ratelimit-reset')).toBeTruthy();
      });

      it.skipIf(keysAllowed)(
        'refuses an API key holding every scope with 403 FORBIDDEN',
        async () => {
          const key = (await world.createKey(home, { scopes: [...SCOPES] })).plaintext;
          const response = await send(world, await contract.prepare(world, home), key);
          expect(response.status).toBe(403);
          expect(response.body.error.code).toBe('FORBIDDEN');
        },
      );

      it.skipIf(sessionsAllowed)('refuses a session of an admin with 403 FORBIDDEN', async () => {
        const session = await world.signIn(home, 'admin');
        const response = await send(
          world,
          await contract.prepare(world, home, session),
          null,
          {},
          { session },
        );
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
      });

      it.skipIf(!sessionsAllowed)(
        `answers a session of a ${leastRole(contract)} without an auth error`,
        async () => {
          const session = await signInAs(leastRole(contract));
          const response = await send(
            world,
            await contract.prepare(world, home, session),
            null,
            {},
            { session },
          );
          expect(AUTH_FAILURE_STATUSES, JSON.stringify(response.body)).not.toContain(
            response.status,
          );
          expect(response.status).toBeLessThan(500);
        },
      );

      const lowerRoles = sessionsAllowed
        ? ROLES_ASCENDING.slice(0, ROLES_ASCENDING.indexOf(leastRole(contract)))
        : [];
      it.skipIf(lowerRoles.length === 0).each(lowerRoles)(
        'refuses a session of a %s with 403, from the server and not only the dashboard',
        async (role) => {
          const session = await signInAs(role);
          const response = await send(
            world,
            await contract.prepare(world, home),
            null,
            {},
            { session },
          );
          expect(response.status).toBe(403);
          expect(response.body.error.code).toBe(contract.role ? 'FORBIDDEN' : 'INSUFFICIENT_SCOPE');
        },
      );

      it.skipIf(!contract.instanceAdmin)(
        'refuses a session of a workspace admin who is not an instance admin with 403 FORBIDDEN',
        async () => {
          const session = await world.signIn(home, 'admin');
          const response = await send(
            world,
            await contract.prepare(world, home, session),
            null,
            {},
            { session },
          );
          expect(response.status).toBe(403);
          expect(response.body.error.code).toBe('FORBIDDEN');
          expect(response.body.error.message).toBe('Only an instance admin can do this.');
        },
      );

      it('refuses a session cookie that names no session with 401', async () => {
        const forged = {
          cookie: `${sessionCookieName(world.deps.settings)}=${'A'.repeat(43)}`,
          csrfToken: 'x',
          userId: '',
          email: '',
        };
        const response = await send(
          world,
          await contract.prepare(world, home),
          null,
          {},
          { session: forged },
        );
        expect(response.status).toBe(401);
      });

      it('refuses a session that has been idle too long with 401', async () => {
        const session = await signInAs(leastRole(contract));
        const request = await contract.prepare(world, home);
        world.clock.advance(SESSION_IDLE_TIMEOUT_MS + 1_000);
        const response = await send(world, request, null, {}, { session });
        expect(response.status).toBe(401);
        expect(response.body.error.code).toBe('UNAUTHORIZED');
      });

      it('refuses an X-Workspace-Id of a workspace the person is not a member of with 403', async () => {
        const session = await signInAs(leastRole(contract));
        const response = await send(
          world,
          await contract.prepare(world, home),
          null,
          { 'x-workspace-id': other.id },
          { session },
        );
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
      });

      it.skipIf(!contract.targetsObject)(
        "answers 404 for another workspace's object to a session",
        async () => {
          const session = await signInAs(leastRole(contract));
          const response = await send(
            world,
            await contract.prepare(world, other),
            null,
            {},
            { session },
          );
          expect(response.status).toBe(404);
          expect(response.body.error.code).toBe('NOT_FOUND');
        },
      );

      it('refuses a cookie-authenticated write without the CSRF token, or with a wrong one, with 403 CSRF_FAILED', async (ctx) => {
        const request = await contract.prepare(world, home);
        if (!isWrite(request)) return ctx.skip();
        const session = await signInAs(leastRole(contract));
        const missing = await send(world, request, null, {}, { session, csrf: false });
        expect(missing.status).toBe(403);
        expect(missing.body.error.code).toBe('CSRF_FAILED');
        const wrong = await send(
          world,
          request,
          null,
          { 'x-csrf-token': 'A'.repeat(43) },
          { session },
        );
        expect(wrong.status).toBe(403);
        expect(wrong.body.error.code).toBe('CSRF_FAILED');
      });
    });
  });
}
