import * as argon2 from '@node-rs/argon2';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeAll, describe, expect, vi } from 'vitest';
import { PasswordWork } from '../auth/password-work.js';
import { createUserWithWorkspace } from '../services/accounts.js';
import { issuePasswordLink } from '../services/password-links.js';
import { type TestWorld, worldPerSuite } from '../test-support/world.js';

// Counts argon2 work without changing it, to prove what runs before a token is checked.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, hash: vi.fn(real.hash), verify: vi.fn(real.verify) };
});

const PASSWORD = 'correct horse battery';
const LONGEST = 'x'.repeat(256);
const TOO_LONG = 'x'.repeat(257);
const tokenOf = (url: string | null) => new URL(url ?? '').searchParams.get('token') ?? '';

describe.each(testDialects)(
  '$name: what unauthenticated password work may cost (issue 11)',
  (dialect) => {
    const suite = worldPerSuite(dialect, {
      failedAuthLimitPerMin: 3,
      passwordWork: new PasswordWork({ concurrency: 2, newPasswordConcurrency: 1, maxWaiting: 0 }),
    });
    let world: TestWorld;
    let inviteToken: string;

    beforeAll(async () => {
      if (!dialectAvailable(dialect)) return;
      world = suite.world;
      const workspace = await world.createWorkspace('Cost');
      await createUserWithWorkspace(world.deps, {
        email: 'member@example.com',
        password: PASSWORD,
        workspaceName: 'Mine',
      });
      const added = await world.call('POST', '/api/v1/members', {
        session: await world.signIn(workspace),
        body: { email: 'invitee@example.com', role: 'viewer' },
      });
      inviteToken = tokenOf(added.body.data.invite_url);
    });

    const post = (path: string, body: unknown, address: string) =>
      world.call('POST', path, { body, address });

    suite.run(
      'hashes nothing for an unknown invitation or set-password token, whatever the password',
      async () => {
        vi.mocked(argon2.hash).mockClear();
        const forged = 'A'.repeat(43);
        for (const path of ['/api/v1/invitation', '/api/v1/password-link']) {
          const response = await post(path, { token: forged, password: LONGEST }, '10.1.0.1');
          expect(response.status).toBe(403);
        }
        expect(argon2.hash).not.toHaveBeenCalled();
      },
    );

    suite.run(
      'refuses passwords over 256 characters everywhere with 422, before any hashing',
      async () => {
        vi.mocked(argon2.hash).mockClear();
        vi.mocked(argon2.verify).mockClear();
        const { user } = await createUserWithWorkspace(world.deps, {
          email: 'capped@example.com',
          workspaceName: 'Capped',
        });
        const linkToken = tokenOf((await issuePasswordLink(world.deps, user, 'http://x')).url);
        const attempts = [
          ['/api/v1/session', { email: 'member@example.com', password: TOO_LONG }],
          ['/api/v1/invitation', { token: inviteToken, password: TOO_LONG }],
          ['/api/v1/password-link', { token: linkToken, password: TOO_LONG }],
          [
            '/api/v1/setup',
            {
              token: 'A'.repeat(32),
              email: 'x@example.com',
              password: TOO_LONG,
              workspace_name: 'X',
            },
          ],
        ] as const;
        for (const [path, body] of attempts) {
          const response = await post(path, body, '10.1.0.2');
          expect(response.status, path).toBe(422);
          expect(response.body.error.details).toContainEqual(
            expect.objectContaining({ field: 'password' }),
          );
        }
        expect(argon2.hash).not.toHaveBeenCalled();
        expect(argon2.verify).not.toHaveBeenCalled();
        const longest = await post(
          '/api/v1/session',
          { email: 'member@example.com', password: LONGEST },
          '10.1.0.2',
        );
        expect(longest.status).toBe(401);
      },
    );

    suite.run(
      'counts unusable links as failed authentications: past the limit even a good link gets 429 first',
      async () => {
        const address = '2001:db8:77:1::1';
        for (const [method, path] of [
          ['GET', '/api/v1/invitation?token=nope'],
          ['POST', '/api/v1/invitation'],
          ['GET', '/api/v1/password-link?token=nope'],
        ] as const) {
          const response = await world.call(method, path, {
            address,
            ...(method === 'POST' && { body: { token: 'nope', password: PASSWORD } }),
          });
          expect(response.status).toBeGreaterThanOrEqual(403);
          expect(response.status).toBeLessThan(405);
        }
        vi.mocked(argon2.hash).mockClear();
        // Another address of the same /64: the same bucket.
        const blocked = await post(
          '/api/v1/invitation',
          { token: inviteToken, password: PASSWORD },
          '2001:db8:77:1::beef',
        );
        expect(blocked.status).toBe(429);
        expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(argon2.hash).not.toHaveBeenCalled();
        const check = await world.call('GET', `/api/v1/invitation?token=${inviteToken}`, {
          address,
        });
        expect(check.status).toBe(429);
        expect((await world.call('GET', `/api/v1/invitation?token=${inviteToken}`)).status).toBe(
          200,
        );
      },
    );

    suite.run(
      'answers 503 when new-password work is at its bound, while sign-ins keep their own share',
      async () => {
        // Something holds the only new-password slot (a flood in progress).
        let release = () => {};
        const holding = world.deps.passwordWork.run(
          'new-password',
          () => new Promise<void>((resolve) => (release = resolve)),
        );
        const busy = await post(
          '/api/v1/invitation',
          { token: inviteToken, password: PASSWORD },
          '10.1.0.5',
        );
        expect(busy.status).toBe(503);
        expect(busy.body.error.code).toBe('SERVICE_UNAVAILABLE');
        expect(busy.headers.get('retry-after')).toBe('1');

        const signIn = await post(
          '/api/v1/session',
          { email: 'member@example.com', password: PASSWORD },
          '10.1.0.5',
        );
        expect(signIn.status).toBe(201);
        release();
        await holding;
        // The invitation was not used up by the refused attempt.
        const after = await post(
          '/api/v1/invitation',
          { token: inviteToken, password: PASSWORD },
          '10.1.0.6',
        );
        expect(after.status).toBe(201);
      },
    );
  },
);
