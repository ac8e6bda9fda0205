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

type Attempt = readonly [path: string, body: Record<string, string>];

describe.each(testDialects)('$name: unauthenticated password work (issue 11)', (dialect) => {
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

  suite.run('hashes nothing for an unknown invitation or set-password token', async () => {
    const forged = 'A'.repeat(43);
    for (const path of ['/api/v1/invitation', '/api/v1/password-link']) {
      vi.mocked(argon2.hash).mockClear();
      const response = await post(path, { token: forged, password: LONGEST }, '10.1.0.1');
      expect(argon2.hash, path).not.toHaveBeenCalled();
      expect(response.status, path).toBe(403);
    }
  });

  suite.run(
    'refuses passwords over 256 characters everywhere with 422, before hashing',
    async () => {
      vi.mocked(argon2.hash).mockClear();
      vi.mocked(argon2.verify).mockClear();
      const check = async ([path, body]: Attempt) => {
        const response = await post(path, body, '10.1.0.2');
        expect(response.status, path).toBe(422);
        expect(response.body.error.details).toContainEqual(
          expect.objectContaining({ field: 'password' }),
        );
      };
      await check(['/api/v1/session', { email: 'member@example.com', password: TOO_LONG }]);
      await check(['/api/v1/invitation', { token: inviteToken, password: TOO_LONG }]);
      await check([
        '/api/v1/setup',
        { token: 'A'.repeat(32), email: 'x@example.com', password: TOO_LONG, workspace_name: 'X' },
      ]);
      const { user } = await createUserWithWorkspace(world.deps, {
        email: 'capped@example.com',
        workspaceName: 'Capped',
      });
      const linkToken = tokenOf((await issuePasswordLink(world.deps, user, 'http://x')).url);
      await check(['/api/v1/password-link', { token: linkToken, password: TOO_LONG }]);
      expect(argon2.hash).not.toHaveBeenCalled();
      expect(argon2.verify).not.toHaveBeenCalled();
      const longest = { email: 'member@example.com', password: LONGEST };
      expect((await post('/api/v1/session', longest, '10.1.0.2')).status).toBe(401);
    },
  );

  suite.run(
    'counts unusable links as failed authentications: past the limit even a good link gets 429 first',
    async () => {
      const address = '2001:db8:77:1::1';
      const bad = [
        ['GET', '/api/v1/invitation?token=nope'],
        ['POST', '/api/v1/invitation'],
        ['GET', '/api/v1/invitation?token=still-nope'],
      ] as const;
      for (const [method, path] of bad) {
        const response = await world.call(method, path, {
          address,
          ...(method === 'POST' && { body: { token: 'nope', password: PASSWORD } }),
        });
        expect([403, 404]).toContain(response.status);
      }
      vi.mocked(argon2.hash).mockClear();
      // Another address of the same /64: the same bucket.
      const good = { token: inviteToken, password: PASSWORD };
      const blocked = await post('/api/v1/invitation', good, '2001:db8:77:1::beef');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(argon2.hash).not.toHaveBeenCalled();
      const check = `/api/v1/invitation?token=${inviteToken}`;
      expect((await world.call('GET', check, { address })).status).toBe(429);
      expect((await world.call('GET', check)).status).toBe(200);

      // Set-password links count the same way.
      const other = '10.77.0.1';
      for (let i = 0; i < 3; i++) {
        const response = await world.call('GET', `/api/v1/password-link?token=nope${i}`, {
          address: other,
        });
        expect(response.status).toBe(404);
      }
      const nope = { token: 'nope', password: PASSWORD };
      expect((await post('/api/v1/password-link', nope, other)).status).toBe(429);
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
      const good = { token: inviteToken, password: PASSWORD };
      const busy = await post('/api/v1/invitation', good, '10.1.0.5');
      expect(busy.status).toBe(503);
      expect(busy.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(busy.headers.get('retry-after')).toBe('1');

      const member = { email: 'member@example.com', password: PASSWORD };
      expect((await post('/api/v1/session', member, '10.1.0.5')).status).toBe(201);
      release();
      await holding;
      // The invitation was not used up by the refused attempt.
      expect((await post('/api/v1/invitation', good, '10.1.0.6')).status).toBe(201);
    },
  );
});
