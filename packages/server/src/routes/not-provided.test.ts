import { SCOPES } from '@onepin/core';
import { sqliteDialect } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { openApiDocument } from '../openapi.js';
import { worldPerSuite } from '../test-support/world.js';
import { NOT_PROVIDED } from './not-provided.js';

const OPERATIONS = NOT_PROVIDED.flatMap((group) =>
  group.operations.map((operation) => [operation, group.what] as const),
);

/** A request path for an operation: every `{param}` filled with a plausible value. */
const concrete = (path: string) => path.replaceAll(/\{\w+\}/g, 'abc123');

/** The path's shape, parameter names aside: `/a/{x}/b` and `/a/{y}/b` are one route. */
const shape = (path: string) => path.replaceAll(/\{\w+\}/g, '{}');

describe('operations of the public API that this server does not provide', () => {
  const suite = worldPerSuite(sqliteDialect);
  const { run } = suite;

  run.each(OPERATIONS)(
    '%s answers 404 NOT_PROVIDED naming it, to any valid key',
    async (operation, what) => {
      const [method = '', path = ''] = operation.split(' ');
      const workspace = await suite.world.createWorkspace();
      const key = (await suite.world.createKey(workspace, { scopes: [...SCOPES] })).plaintext;
      const response = await suite.world.call(method, concrete(path), {
        key,
        ...(method !== 'GET' && method !== 'DELETE' && { body: {} }),
      });
      expect(response.status).toBe(404);
      expect(response.body.error).toEqual({
        code: 'NOT_PROVIDED',
        message: `${what}: not provided by this server (${operation}).`,
      });
      expect(response.body.meta.request_id).toBeTruthy();
    },
  );

  run('authenticates first, like every /api/v1 request', async () => {
    const response = await suite.world.call('GET', '/api/v1/voices');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('INVALID_API_KEY');
  });

  run('shadows none of the operations the server does provide', () => {
    const provided = Object.entries(openApiDocument(suite.world.app).paths ?? {}).flatMap(
      ([path, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${shape(path)}`),
    );
    for (const [operation] of OPERATIONS) {
      const [method, path = ''] = operation.split(' ');
      expect(provided).not.toContain(`${method} ${shape(path)}`);
    }
  });
});
