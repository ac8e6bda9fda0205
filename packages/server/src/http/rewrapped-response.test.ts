import { sqliteDialect } from '@onepin/db/test-support';
import type { MiddlewareHandler } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteRegistrar } from '../routes/route-definition.js';
import { createTestWorld, type TestWorld } from '../test-support/world.js';
import type { AppEnv } from './app-env.js';
import { jsonResponse } from './response-headers.js';

/** What compression, ETag or tracing middleware does: replaces the response with a copy. */
const rewrap: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res = new Response(c.res.body, c.res);
};

const COOKIE = 'probe=1; Path=/; HttpOnly';

/** Routes whose answers a middleware re-wraps after they are complete. */
const rewrappedRoutes: RouteRegistrar = (app) => {
  app.get('/rewrapped/json', rewrap, (c) => {
    c.set('setCookie', COOKIE);
    return jsonResponse(c, { ok: true }, 200);
  });
  app.get('/rewrapped/page', rewrap, (c) => {
    c.set('setCookie', COOKIE);
    return c.html('<p>hi</p>');
  });
  app.get('/rewrapped/twice', rewrap, rewrap, (c) => {
    c.set('setCookie', COOKIE);
    return jsonResponse(c, { ok: true }, 200);
  });
};

describe('a response re-wrapped by a middleware after the route', () => {
  let world: TestWorld;

  beforeAll(async () => {
    world = await createTestWorld(sqliteDialect, { app: { extraRoutes: [rewrappedRoutes] } });
  });
  afterAll(() => world?.dispose());

  it.each([
    ['a JSON answer', '/rewrapped/json'],
    ['a page', '/rewrapped/page'],
    ['a JSON answer wrapped twice', '/rewrapped/twice'],
  ])('%s sends its Set-Cookie once, and each server header once', async (_label, path) => {
    const response = await world.request('GET', path);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([COOKIE]);
    // `Headers.get` joins a header sent twice with ", ".
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
