import { generateApiKey, generateServiceToken, SCOPES } from '@onepin/core';
import { dialectAvailable, type TestDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_TOKEN_REQUIRED } from '../auth/service-token-auth.js';
import { createServiceToken, revokeServiceTokenById } from '../services/service-tokens.js';
import type { ContractRequest } from './auth-contract.js';
import { createTestWorld, type TestWorkspace, type TestWorld } from './world.js';

/** One operation of the verify API (service tokens only), for the shared suite. */
export interface ServiceTokenContractCase {
  /** `METHOD /path` exactly as in the OpenAPI document. */
  operation: string;
  prepare(world: TestWorld, workspace: TestWorkspace): Promise<ContractRequest>;
}

export const SERVICE_TOKEN_CONTRACT_CASES: ServiceTokenContractCase[] = [
  {
    operation: 'POST /api/v1/keys/verify',
    prepare: async (world, workspace) => ({
      method: 'POST',
      path: '/api/v1/keys/verify',
      body: { key: (await world.createKey(workspace)).plaintext },
    }),
  },
  {
    operation: 'POST /api/v1/keys/verify/batch',
    prepare: async (world, workspace) => ({
      method: 'POST',
      path: '/api/v1/keys/verify/batch',
      body: { keys: [{ key: (await world.createKey(workspace)).plaintext }] },
    }),
  },
  {
    operation: 'POST /api/v1/keys/verify/usage',
    prepare: async (world, workspace) => ({
      method: 'POST',
      path: '/api/v1/keys/verify/usage',
      body: { usage: [{ key_id: (await world.createKey(workspace)).id, count: 1 }] },
    }),
  },
  {
    operation: 'GET /api/v1/keys/verify/events',
    prepare: async () => ({ method: 'GET', path: '/api/v1/keys/verify/events' }),
  },
];

/** Sends the request; a stream's body is not read (it never ends) but cancelled. */
async function send(
  world: TestWorld,
  request: ContractRequest,
  headers: Record<string, string>,
  extra: { session?: Awaited<ReturnType<TestWorld['signIn']>>; address?: string } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await world.request(request.method, request.path, {
    ...(request.body !== undefined && { body: request.body }),
    headers: { ...request.headers, ...headers },
    ...extra,
  });
  if (!response.headers.get('content-type')?.startsWith('application/json')) {
    await response.body?.cancel();
    return { status: response.status, body: null, headers: response.headers };
  }
  return { status: response.status, body: await response.json(), headers: response.headers };
}

function expectRefused(response: { status: number; body: any; headers: Headers }) {
  expect(response.status).toBe(401);
  expect(response.body.error.code).toBe('INVALID_API_KEY');
  expect(response.body.error.message).toBe(SERVICE_TOKEN_REQUIRED);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  expect(response.headers.get('x-request-id')).toBeTruthy();
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * The verify API's authentication contract, for every case on every dialect: a live service
 * token passes; everything else — no credential, a malformed, unknown or revoked token, an API
 * key holding every scope, a signed-in admin — gets the same 401. (The failed-authentication
 * throttle, which the test worlds leave wide open, is tested in routes/verify/verify.test.ts.)
 */
export function runServiceTokenContract(
  dialect: TestDialect,
  cases: readonly ServiceTokenContractCase[],
): void {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: service token contract`, () => {
    let world: TestWorld;
    let home: TestWorkspace;

    beforeAll(async () => {
      world = await createTestWorld(dialect);
      home = await world.createWorkspace('Home');
    });
    afterAll(async () => world?.dispose());

    const newToken = async () =>
      (await createServiceToken(world.deps, { name: 'contract', createdBy: null })).token;

    describe.each(cases)('$operation', (contract) => {
      it('answers a live service token without an auth error', async () => {
        const response = await send(
          world,
          await contract.prepare(world, home),
          bearer(await newToken()),
        );
        expect(response.status).toBe(200);
        expect(response.headers.get('x-request-id')).toBeTruthy();
        // The token's request is not a key's: no X-RateLimit-* of any key.
        expect(response.headers.get('x-ratelimit-limit')).toBeNull();
      });

      it('refuses a request without credentials with the 401', async () => {
        expectRefused(await send(world, await contract.prepare(world, home), {}));
      });

      it.each([
        ['a bare token without Bearer', (token: string) => token],
        ['an empty bearer', () => 'Bearer '],
        ['a Basic credential', () => 'Basic dXNlcjpwYXNz'],
        ['a truncated token', (token: string) => `Bearer ${token.slice(0, -1)}`],
        ['two tokens', (token: string) => `Bearer ${token} ${token}`],
        [
          'a token with a bad checksum',
          (token: string) => `Bearer ${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
        ],
        ['a well-formed token never issued', () => `Bearer ${generateServiceToken()}`],
      ])('refuses %s with the same 401', async (_label, authorization) => {
        const token = await newToken();
        const response = await send(world, await contract.prepare(world, home), {
          authorization: authorization(token),
        });
        expectRefused(response);
      });

      it('refuses an API key holding every scope with the same 401', async () => {
        const key = (await world.createKey(home, { scopes: [...SCOPES] })).plaintext;
        expectRefused(await send(world, await contract.prepare(world, home), bearer(key)));
        expectRefused(
          await send(world, await contract.prepare(world, home), bearer(generateApiKey('live'))),
        );
      });

      it('refuses the session of an admin with the same 401', async () => {
        const session = await world.signIn(home, 'admin');
        expectRefused(await send(world, await contract.prepare(world, home), {}, { session }));
      });

      it('refuses a revoked token with the same 401, on the very next request', async () => {
        const made = await createServiceToken(world.deps, { name: 'revoked', createdBy: null });
        const request = await contract.prepare(world, home);
        expect((await send(world, request, bearer(made.token))).status).toBe(200);
        await revokeServiceTokenById(world.deps, made.id);
        expectRefused(await send(world, await contract.prepare(world, home), bearer(made.token)));
      });
    });
  });
}
