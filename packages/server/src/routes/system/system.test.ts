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

  it('renders the Markdown of descriptions: inline code, never raw backticks', async () => {
    const html = await (await world.request('GET', '/docs')).text();
    // "…or after `grace_period_seconds` (never past…" in the rotate route's description.
    expect(html).toContain('or after <code>grace_period_seconds</code>');
    const text = html.replace(/<style>[\s\S]*?<\/style>/, '');
    expect(text).not.toContain('`');
  });

  it('keeps raw HTML in a description escaped (only code and emphasis become markup)', async () => {
    const { prose } = await import('./render-api-reference.js');
    expect(prose('`<b>` and **<i>x</i>**')).toBe(
      '<code>&#60;b&#62;</code> and <strong>&#60;i&#62;x&#60;/i&#62;</strong>',
    );
  });

  it('serves /favicon.ico (a real icon) so browsers get no 404 on /docs or the dashboard', async () => {
    const response = await world.request('GET', '/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // ICONDIR: reserved 0, type 1 (icon), one image of 32×32 pixels.
    expect([...bytes.subarray(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 32, 32]);
    expect(bytes.length).toBe(6 + 16 + 40 + 32 * 32 * 4 + 32 * 4);
    expect(await (await world.request('GET', '/docs')).text()).toContain(
      '<link rel="icon" href="/favicon.ico">',
    );
  });
});
