import { sqliteDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../../test-support/world.js';

describe('system routes', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(sqliteDialect);
  });
  afterAll(async () => world?.dispose());

  it('answers /health and /ready without credentials', async () => {
    expect((await world.call('GET', '/health')).body).toEqual({ status: 'ok' });
    expect((await world.call('GET', '/ready')).body).toEqual({ status: 'ready' });
  });

  it('serves an OpenAPI 3.1 document describing the key routes, their scopes and the bearer scheme', async () => {
    const { status, body } = await world.call('GET', '/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(body.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const create = body.paths['/api/v1/api-keys'].post;
    expect(create['x-required-scope']).toBe('api_keys:write');
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['201', '401', '403', '422', '429']),
    );
    expect(JSON.stringify(body.components.schemas.ApiKeyCreated)).toContain('"api_key"');
    expect(body.paths['/api/v1/auth/whoami'].get['x-required-scope']).toBeNull();
  });

  it('renders a readable reference at /docs with no external assets', async () => {
    const response = await world.request('GET', '/docs');
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('/api/v1/api-keys/{id}/rotate');
    expect(html).toContain('Requires scope <code>api_keys:write</code>');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
