import { SCOPES, ScopeCatalogue } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../index.js';
import { createSdkWorld, IN_PROCESS_BASE_URL, type SdkWorld } from '../test-support/real-app.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: client.scopes`, () => {
    let sdk: SdkWorld;

    beforeAll(async () => {
      sdk = await createSdkWorld(dialect, {
        scopes: new ScopeCatalogue([
          { name: 'billing:read', description: 'Read invoices', roles: ['editor'] },
        ]),
      });
    });
    afterAll(() => sdk.dispose());

    it('lists the catalogue, the operator’s scopes included, to a key without scopes', async () => {
      const client = await sdk.client([]);
      const scopes = await client.scopes.list();
      expect(scopes.map((scope) => scope.name)).toEqual([...SCOPES, 'billing:read'].sort());
      expect(scopes.find((scope) => scope.name === 'billing:read')).toEqual({
        name: 'billing:read',
        description: 'Read invoices',
        built_in: false,
        roles: ['admin', 'editor'],
      });
      expect(sdk.requests.at(-1)?.url).toBe(`${IN_PROCESS_BASE_URL}/api/v1/scopes`);
    });

    it('creates keys with a custom scope, and shows which scopes are unknown', async () => {
      const client = await sdk.client(['api_keys:write', 'billing:read']);
      const made = await client.apiKeys.create({ name: 'billing', scopes: ['billing:read'] });
      expect(made.scopes).toEqual(['billing:read']);
      expect(made.unknown_scopes).toEqual([]);
    });

    it('answers NotFoundError from a server older than the route', async () => {
      const client = await sdk.client([], {
        intercept: async (request, forward) =>
          new URL(request.url).pathname === '/api/v1/scopes'
            ? forward(new Request(new URL('/api/v1/no-such-route', request.url), request))
            : forward(request),
      });
      await expect(client.scopes.list()).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
