import { generateApiKey } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onepin } from './hono.js';
import { type RealOnePin, startRealOnePin } from './test-support/real-onepin.js';
import { createVerifier, type Verifier, type VerifierOptions } from './verifier.js';

// The verifier against the real OnePin app (the server's own routes, database and key
// verification path), served over HTTP in this process.

for (const dialect of testDialects) {
  describe(`${dialect.name}: @onepin/verify against the real server`, () => {
    let onepinServer: RealOnePin;
    const verifiers: Verifier[] = [];

    beforeAll(async () => {
      if (dialectAvailable(dialect)) onepinServer = await startRealOnePin(dialect);
    });
    afterAll(async () => {
      await Promise.all(verifiers.map((v) => v.close()));
      await onepinServer?.stop();
    });

    function verifier(options: Partial<VerifierOptions> = {}): Verifier {
      const made = createVerifier({
        baseUrl: onepinServer.url,
        serviceToken: onepinServer.serviceToken,
        events: false,
        now: () => onepinServer.world.clock.now(),
        ...options,
      });
      verifiers.push(made);
      return made;
    }

    const runIf = it.skipIf(!dialectAvailable(dialect));

    runIf(
      'verifies a live key, then answers it from memory, judging scopes and workspace',
      async () => {
        const { world } = onepinServer;
        const workspace = await world.createWorkspace('Real Inc');
        const key = await world.createKey(workspace, {
          name: 'real',
          scopes: ['workflows:read'],
          rateLimitPerMin: 100,
        });
        const v = verifier();
        const first = await v.verify(key.plaintext, {
          scopes: ['workflows:read'],
          workspaceId: workspace.id,
        });
        expect(first).toEqual({
          valid: true,
          code: 'VALID',
          missingScopes: [],
          key: {
            id: key.id,
            name: 'real',
            workspaceId: workspace.id,
            workspaceName: 'Real Inc',
            keyType: 'live',
            scopes: ['workflows:read'],
            expiresAt: null,
          },
          rateLimit: { limit: 100, remaining: 99, reset: expect.any(Number) },
        });
        expect(await v.verify(key.plaintext, { scopes: ['workflows:write'] })).toMatchObject({
          code: 'INSUFFICIENT_SCOPE',
          missingScopes: ['workflows:write'],
        });
        expect(await v.verify(key.plaintext, { workspaceId: 'ws_elsewhere' })).toMatchObject({
          code: 'WORKSPACE_MISMATCH',
        });
        expect(await v.verify(generateApiKey('live'))).toMatchObject({
          code: 'INVALID',
          key: null,
        });
      },
    );

    runIf("reports its local counts, and the server's answer becomes its budget", async () => {
      const { world } = onepinServer;
      const workspace = await world.createWorkspace('Counted');
      const key = await world.createKey(workspace, { rateLimitPerMin: 10 });
      const a = verifier({ reportIntervalMs: 60_000 });
      const b = verifier({ reportIntervalMs: 60_000 });
      for (let i = 0; i < 6; i++) expect((await a.verify(key.plaintext)).code).toBe('VALID');
      await a.flush();
      // b's first sight is counted by the server after a's 6: 3 left.
      expect((await b.verify(key.plaintext)).rateLimit?.remaining).toBe(3);
      for (let i = 0; i < 3; i++) expect((await b.verify(key.plaintext)).code).toBe('VALID');
      expect((await b.verify(key.plaintext)).code).toBe('RATE_LIMITED');
      await b.flush();
      // The key's own requests to the server meet the same spent count.
      const direct = await world.call('GET', '/api/v1/auth/whoami', { key: key.plaintext });
      expect(direct.status).toBe(429);
      // a still believes 4 are left until its next report brings the server's word.
      expect((await a.verify(key.plaintext)).code).toBe('VALID');
      await a.flush();
      expect((await a.verify(key.plaintext)).code).toBe('RATE_LIMITED');
    });

    runIf('drops a key the server says is revoked when it reports its use', async () => {
      const { world } = onepinServer;
      const workspace = await world.createWorkspace('Revoked');
      const admin = await world.createKey(workspace, { scopes: ['api_keys:write'] });
      const key = await world.createKey(workspace);
      const v = verifier({ reportIntervalMs: 60_000 });
      await v.verify(key.plaintext);
      await v.verify(key.plaintext);
      const revoked = await world.call('DELETE', `/api/v1/api-keys/${key.id}`, {
        key: admin.plaintext,
      });
      expect(revoked.status).toBe(200);
      await v.flush();
      expect((await v.verify(key.plaintext)).code).toBe('INVALID');
    });

    runIf('hears a revocation on the events stream and refuses the key within 1 s', async () => {
      const { world } = onepinServer;
      const workspace = await world.createWorkspace('Streamed');
      const admin = await world.createKey(workspace, { scopes: ['api_keys:write'] });
      const key = await world.createKey(workspace);
      const errors: Error[] = [];
      const v = verifier({ events: true, onError: (e) => errors.push(e) });
      // The stream's first `ready` empties the cache: let it arrive before filling it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await v.verify(key.plaintext)).code).toBe('VALID');
      expect((await v.verify(key.plaintext)).code).toBe('VALID');
      const revokedAt = performance.now();
      const revoked = await world.call('DELETE', `/api/v1/api-keys/${key.id}`, {
        key: admin.plaintext,
      });
      expect(revoked.status).toBe(200);
      let code = 'VALID';
      while (code === 'VALID' && performance.now() - revokedAt < 3000) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        code = (await v.verify(key.plaintext)).code;
      }
      expect(code).toBe('INVALID');
      expect(performance.now() - revokedAt).toBeLessThan(1000);
      expect(errors).toEqual([]);
    });

    runIf('the Hono adapter answers with the real server behind it', async () => {
      const { world } = onepinServer;
      const workspace = await world.createWorkspace('Adapter');
      const key = await world.createKey(workspace, { scopes: ['workflows:read'] });
      const app = new Hono();
      app.get('/r', onepin(verifier(), { scopes: ['workflows:read'] }), (c) =>
        c.json({ workspace: c.var.onepin.workspaceName }),
      );
      const ok = await app.request('/r', { headers: { authorization: `Bearer ${key.plaintext}` } });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ workspace: 'Adapter' });
      const bad = await app.request('/r', {
        headers: { authorization: `Bearer ${generateApiKey('live')}` },
      });
      expect(bad.status).toBe(401);
    });
  });
}
