import { API_KEY_SEARCH_PATTERN, SCOPES } from '@onepin/core';
import { dialectAvailable, findKeysInDatabase, testDialects } from '@onepin/db/test-support';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from './logger.js';
import { createTestWorld } from './test-support/world.js';

describe.each(testDialects)('$name: no plaintext key is ever stored or logged', (dialect) => {
  it.skipIf(!dialectAvailable(dialect))(
    'after creating, using, rotating and revoking keys',
    async () => {
      const world = await createTestWorld(dialect);
      try {
        const workspace = await world.createWorkspace();
        const admin = (await world.createKey(workspace, { scopes: [...SCOPES] })).plaintext;
        const plaintexts = [admin];
        for (let i = 0; i < 3; i++) {
          const made = await world.call('POST', '/api/v1/api-keys', {
            key: admin,
            body: { name: `k${i}`, scopes: ['workspace:read'] },
          });
          plaintexts.push(made.body.data.api_key);
          await world.call('GET', '/api/v1/workspaces/current', { key: made.body.data.api_key });
          const rotated = await world.call(
            'PATCH',
            `/api/v1/api-keys/${made.body.data.id}/rotate`,
            {
              key: admin,
              body: { grace_period_seconds: 60 },
            },
          );
          plaintexts.push(rotated.body.data.new_key.api_key);
          await world.call('DELETE', `/api/v1/api-keys/${rotated.body.data.new_key.id}`, {
            key: admin,
          });
        }
        // Keys in places they never belong: a query string, a bad header, a body, a failed auth.
        await world.call('GET', `/api/v1/auth/whoami?api_key=${admin}`, { key: admin });
        await world.call('GET', '/api/v1/auth/whoami', {
          headers: { authorization: `Token ${admin}` },
        });
        const pasted = await world.call('POST', '/api/v1/api-keys', {
          key: admin,
          body: { name: `my key ${admin}` },
        });
        expect(pasted.status).toBe(422);
        expect(pasted.body.error.details[0]).toEqual({
          field: 'name',
          message: 'must not contain an API key',
        });
        await world.call('GET', '/api/v1/auth/whoami', { key: `${admin.slice(0, -1)}x` });
        await world.deps.usage.flush();

        expect(plaintexts.every((p) => /^op_live_/.test(p))).toBe(true);
        expect(await findKeysInDatabase(world.database.handle)).toEqual([]);
        const logs = world.logLines.join('');
        expect(logs.length).toBeGreaterThan(0);
        expect(logs.match(API_KEY_SEARCH_PATTERN)).toBeNull();
      } finally {
        await world.dispose();
      }
    },
  );

  it.skipIf(!dialectAvailable(dialect))(
    'a plaintext is answered by its create or rotate response and by nothing else (SPEC §2)',
    async () => {
      const world = await createTestWorld(dialect);
      try {
        const workspace = await world.createWorkspace();
        const admin = (await world.createKey(workspace, { scopes: [...SCOPES] })).plaintext;
        const created = await world.call('POST', '/api/v1/api-keys', {
          key: admin,
          body: { name: 'shown once', scopes: ['workspace:read'] },
        });
        const { id, api_key: first } = created.body.data;
        const rotated = await world.call('PATCH', `/api/v1/api-keys/${id}/rotate`, {
          key: admin,
          body: { grace_period_seconds: 60 },
        });
        const { id: nextId, api_key: second } = rotated.body.data.new_key;
        expect(JSON.stringify(created.body)).toContain(first);
        expect(JSON.stringify(rotated.body)).toContain(second);
        expect(JSON.stringify(rotated.body)).not.toContain(first);

        const everythingElse = [
          await world.call('GET', `/api/v1/api-keys/${id}`, { key: admin }),
          await world.call('GET', '/api/v1/api-keys?status=all', { key: admin }),
          await world.call('PATCH', `/api/v1/api-keys/${nextId}`, {
            key: admin,
            body: { name: 'renamed' },
          }),
          await world.call('GET', '/api/v1/auth/whoami', { key: first }),
          await world.call('GET', '/api/v1/auth/whoami', { key: second }),
          await world.call('GET', '/api/v1/activity', { key: admin }),
          await world.call('DELETE', `/api/v1/api-keys/${nextId}`, { key: admin }),
          await world.call('DELETE', `/api/v1/api-keys/${id}`, { key: admin }),
        ];
        for (const response of everythingElse) {
          expect(response.status).toBe(200);
          expect(JSON.stringify(response.body).match(API_KEY_SEARCH_PATTERN)).toBeNull();
        }
      } finally {
        await world.dispose();
      }
    },
  );
});

describe('redactSecrets', () => {
  it('replaces every key-shaped string with its preview', () => {
    const key = `op_test_${'a'.repeat(26)}000000`;
    expect(redactSecrets(`Bearer ${key}, again ${key}.`)).toBe(
      'Bearer op_test_…0000, again op_test_…0000.',
    );
  });
});
