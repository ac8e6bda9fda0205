import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard } from './dashboard.js';
import { createTestWorld, type TestWorld } from './test-support/world.js';

describe('serving the dashboard', () => {
  let dist: string;
  let world: TestWorld;
  let bare: TestWorld;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'onepin-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}');
    world = await createTestWorld(sqliteDialect, { app: { extraRoutes: [serveDashboard(dist)] } });
    bare = await createTestWorld(sqliteDialect, {
      app: { extraRoutes: [serveDashboard(join(dist, 'missing'))] },
    });
  });
  afterAll(async () => {
    await world?.dispose();
    await bare?.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each(['/', '/login', '/settings/api-keys', '/setup', '/anything/else'])(
    'answers %s with index.html and the strict page headers',
    async (path) => {
      const response = await world.request('GET', path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toMatch(
        /default-src 'self'.*frame-ancestors 'none'/,
      );
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('serves hashed assets with their type, cached for good, and answers 304 to a known ETag', async () => {
    const js = await world.request('GET', '/assets/index-abc123.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    const css = await world.request('GET', '/assets/index-abc123.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const again = await world.request('GET', '/assets/index-abc123.js', {
      headers: { 'if-none-match': js.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('never answers for the API or the server’s own pages, nor for missing files', async () => {
    expect((await world.call('GET', '/health')).body).toEqual({ status: 'ok' });
    expect((await world.call('GET', '/openapi.json')).body.openapi).toBe('3.1.0');
    // The server's own page headers on /docs, not the dashboard's policy.
    expect((await world.request('GET', '/docs')).headers.get('content-security-policy')).toBe(
      "frame-ancestors 'none'",
    );
    const api = await world.call('GET', '/api/v1/unknown');
    expect(api.headers.get('content-type')).toMatch(/json/);
    expect((await world.call('GET', '/assets/missing.js')).body.error.code).toBe('NOT_FOUND');
    expect((await world.call('GET', '/../package.json')).status).not.toBe(200);
  });

  it('explains how to build the dashboard when it is missing, and keeps the API up', async () => {
    const response = await bare.request('GET', '/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
    expect((await bare.call('GET', '/health')).status).toBe(200);
  });
});
