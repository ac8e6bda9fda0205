import { randomBytes } from 'node:crypto';
import { generateApiKey } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { beforeEach, describe, expect } from 'vitest';
import { sessionCookieName } from '../auth/session-cookie.js';
import { createUserWithWorkspace } from '../services/accounts.js';
import type { TestSession, TestWorkspace } from '../test-support/world.js';
import { worldPerSuite } from '../test-support/world.js';

const PASSWORD = 'correct horse battery';

/**
 * The failed-auth throttle locks valid credentials out (issue #11, Medium): 30 bad keys from
 * one address must not cost everyone behind that address their valid keys and sessions.
 * Only what would reach the database is refused: keys in the verification cache, and
 * sessions this node has seen valid, are served.
 */
describe.each(testDialects)(
  '$name: the failed-auth throttle spares valid credentials',
  (dialect) => {
    // The server default (30), as in the report.
    const suite = worldPerSuite(dialect, { failedAuthLimitPerMin: 30 });
    const { run } = suite;
    let workspace: TestWorkspace;
    /** Each test throttles an address of its own; the clock is in another minute each time. */
    let address = '';
    let n = 0;

    beforeEach(async () => {
      if (!dialectAvailable(dialect)) return;
      suite.world.clock.advance(60_000);
      address = `203.0.113.${++n}`;
      workspace = await suite.world.createWorkspace();
    });

    const whoamiWithKey = (key: string) =>
      suite.world.call('GET', '/api/v1/auth/whoami', { key, address });
    const whoamiWithSession = (session: TestSession) =>
      suite.world.call('GET', '/api/v1/auth/whoami', { session, address });

    /** 30 unknown keys with valid checksums: each one a database lookup and a 401. */
    async function throttleTheAddress() {
      for (let i = 0; i < 30; i++) {
        expect((await whoamiWithKey(generateApiKey('live'))).status).toBe(401);
      }
      const refused = await whoamiWithKey(generateApiKey('live'));
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
    }

    run(
      'the failed-auth throttle locks valid credentials out: 30 bad keys no longer refuse the valid cached keys behind the address',
      async () => {
        const colleague = await suite.world.createKey(workspace, { name: 'colleague' });
        expect((await whoamiWithKey(colleague.plaintext)).status).toBe(200);
        await throttleTheAddress();
        const served = await whoamiWithKey(colleague.plaintext);
        expect(served.status).toBe(200);
        expect(served.body.data.api_key_id).toBe(colleague.id);
        expect(served.headers.get('x-ratelimit-limit')).toBe('600');
      },
    );

    run(
      'a throttled address still gets 429 for any key the cache does not hold, before the database',
      async () => {
        await throttleTheAddress();
        // Valid, but never seen by this node: answering it would need the database. Had the
        // lookup run, it would have found the key and answered 200.
        const unseen = await suite.world.createKey(workspace, { name: 'unseen' });
        const refused = await whoamiWithKey(unseen.plaintext);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        // A malformed token gets the 429 too: nothing but a cached key passes.
        expect((await whoamiWithKey('op_live_short')).status).toBe(429);
        // Another address is not affected.
        const elsewhere = await suite.world.call('GET', '/api/v1/auth/whoami', {
          key: unseen.plaintext,
          address: '198.51.100.200',
        });
        expect(elsewhere.status).toBe(200);
      },
    );

    run(
      'a valid session this node has seen keeps working while its address is throttled; an unknown cookie gets 429 before the database',
      async () => {
        const seen = await suite.world.signIn(workspace);
        expect((await whoamiWithSession(seen)).status).toBe(200);
        // Valid in the database, but this node never saw it valid: it is refused unread.
        const unseen = await suite.world.signIn(workspace, 'viewer');
        await throttleTheAddress();

        expect((await whoamiWithSession(seen)).status).toBe(200);
        expect((await whoamiWithSession(unseen)).status).toBe(429);
        const forged = {
          ...seen,
          cookie: `${sessionCookieName(suite.world.deps.settings)}=${randomBytes(32).toString('base64url')}`,
        };
        expect((await whoamiWithSession(forged)).status).toBe(429);
        // No credential at all: 429 as well.
        expect((await suite.world.call('GET', '/api/v1/auth/whoami', { address })).status).toBe(
          429,
        );
      },
    );

    run('signing out still applies at once to a session remembered while throttled', async () => {
      const session = await suite.world.signIn(workspace);
      expect((await whoamiWithSession(session)).status).toBe(200);
      await throttleTheAddress();
      const signedOut = await suite.world.call('DELETE', '/api/v1/session', { session, address });
      expect(signedOut.status).toBe(200);
      // Still looked up in the database, so the ended session is refused; then forgotten.
      expect((await whoamiWithSession(session)).status).toBe(401);
      expect((await whoamiWithSession(session)).status).toBe(429);
    });

    run(
      'a person who signs in from a throttled address can use the new session at once',
      async () => {
        const email = `nat-${n}@example.com`;
        await createUserWithWorkspace(suite.world.deps, {
          email,
          password: PASSWORD,
          workspaceName: 'Behind the NAT',
        });
        await throttleTheAddress();
        const signedIn = await suite.world.call('POST', '/api/v1/session', {
          address,
          body: { email, password: PASSWORD },
          headers: { origin: suite.world.deps.settings.publicUrl },
        });
        expect(signedIn.status).toBe(201);
        const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const response = await suite.world.call('GET', '/api/v1/auth/whoami', {
          address,
          headers: { cookie },
        });
        expect(response.status).toBe(200);
        expect(response.body.data.auth_kind).toBe('session');
      },
    );
  },
);
