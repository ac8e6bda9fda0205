import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { sqliteDialect } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard } from '../dashboard.js';
import { createUserWithWorkspace } from '../services/accounts.js';
import { filesUnder } from '../test-support/files.js';
import { createTestWorld, type TestWorld } from '../test-support/world.js';

/**
 * Every header of a set of representative responses, exactly as they leave the server over
 * HTTP (names lower-cased; a name sent twice keeps both values). Recorded from the
 * server before responses were built as plain header objects, so any header that changes,
 * disappears or appears shows up here. Values that differ per run are replaced: the date, the
 * request id (checked against the body's `meta.request_id`), a session token, and the length
 * (checked against the body).
 */
type HeaderSet = Record<string, string | string[]>;

interface Probe {
  method: string;
  path: string;
  key?: 'reader' | 'unscoped' | 'limited' | 'bad';
  headers?: Record<string, string>;
  body?: string;
  session?: boolean;
}

const PASSWORD = 'correct horse battery';
const API_SECURITY = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
const PAGE_SECURITY = {
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
const CONNECTION = {
  connection: 'keep-alive',
  'content-length': '<length>',
  date: '<date>',
  'keep-alive': 'timeout=5',
};
const JSON_API = {
  ...CONNECTION,
  ...API_SECURITY,
  'content-type': 'application/json',
  'x-request-id': '<request id>',
};
/** A HEAD answer's headers: no length is announced for the body it leaves out. */
function bodiless(headers: HeaderSet): HeaderSet {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'content-length'));
}
/** The rate-limit headers of the `reader` key (600 a minute) after `used` requests; the window
 * ends a minute after the test clock's start (2026-06-01T12:00:00Z). */
const rateLimit = (used: number) => ({
  'x-ratelimit-limit': '600',
  'x-ratelimit-remaining': String(600 - used),
  'x-ratelimit-reset': '1780315260',
});
const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** In order: the rate-limit counts and the session depend on what came before. */
const CASES: Array<[label: string, probe: Probe, status: number, headers: HeaderSet]> = [
  [
    'a success',
    { method: 'GET', path: '/api/v1/auth/whoami', key: 'reader' },
    200,
    { ...JSON_API, ...rateLimit(1) },
  ],
  [
    'a 401 without a key',
    { method: 'GET', path: '/api/v1/auth/whoami' },
    401,
    { ...JSON_API, 'www-authenticate': 'Bearer realm="onepin"' },
  ],
  [
    'a 401 for an unknown key',
    { method: 'GET', path: '/api/v1/auth/whoami', key: 'bad' },
    401,
    { ...JSON_API, 'www-authenticate': 'Bearer realm="onepin"' },
  ],
  [
    'a 403 for a missing scope',
    { method: 'GET', path: '/api/v1/api-keys', key: 'unscoped' },
    403,
    { ...JSON_API, ...rateLimit(1) },
  ],
  [
    'a 403 for another workspace',
    {
      method: 'GET',
      path: '/api/v1/auth/whoami',
      key: 'reader',
      headers: { 'x-workspace-id': '00000000-0000-4000-8000-000000000000' },
    },
    403,
    { ...JSON_API, ...rateLimit(2) },
  ],
  [
    'a 404 from a route',
    { method: 'GET', path: '/api/v1/api-keys/00000000-0000-4000-8000-000000000000', key: 'reader' },
    404,
    { ...JSON_API, ...rateLimit(3) },
  ],
  [
    'a 404 for an unknown API route',
    { method: 'GET', path: '/api/v1/nothing-here', key: 'reader' },
    404,
    { ...JSON_API, ...rateLimit(4) },
  ],
  [
    'a 404 for an unknown file',
    { method: 'GET', path: '/nothing-here.txt' },
    404,
    {
      ...CONNECTION,
      ...PAGE_SECURITY,
      'content-type': 'application/json',
      'x-request-id': '<request id>',
    },
  ],
  [
    'a 413',
    {
      method: 'POST',
      path: '/api/v1/api-keys',
      key: 'reader',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(2_000) }),
    },
    413,
    JSON_API,
  ],
  [
    'a 415',
    {
      method: 'POST',
      path: '/api/v1/api-keys',
      key: 'reader',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    },
    415,
    JSON_API,
  ],
  [
    'a 201 with a key in the body',
    {
      method: 'POST',
      path: '/api/v1/api-keys',
      key: 'reader',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'made by a test', scopes: [] }),
    },
    201,
    { ...JSON_API, ...rateLimit(5) },
  ],
  [
    'a key within its limit',
    { method: 'GET', path: '/api/v1/auth/whoami', key: 'limited' },
    200,
    {
      ...JSON_API,
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1780315260',
    },
  ],
  [
    'a 429 for a key over its limit',
    { method: 'GET', path: '/api/v1/auth/whoami', key: 'limited' },
    429,
    {
      ...JSON_API,
      'retry-after': '60',
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1780315260',
    },
  ],
  [
    'a sign-in, which sets the cookie',
    {
      method: 'POST',
      path: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'headers@example.com', password: PASSWORD }),
    },
    201,
    {
      ...JSON_API,
      'set-cookie': 'onepin_session=<token>; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax',
    },
  ],
  ['a session request', { method: 'GET', path: '/api/v1/session', session: true }, 200, JSON_API],
  [
    'a sign-out, which clears the cookie',
    { method: 'DELETE', path: '/api/v1/session', session: true },
    200,
    { ...JSON_API, 'set-cookie': 'onepin_session=; Max-Age=0; Path=/' },
  ],
  [
    'a 401 for an ended session, which clears the cookie',
    { method: 'GET', path: '/api/v1/session', session: true },
    401,
    { ...JSON_API, 'set-cookie': 'onepin_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax' },
  ],
  [
    'an upload transfer refused (JSON outside /api)',
    {
      method: 'PUT',
      path: '/uploads/nothing?expires=1&signature=forged',
      headers: { 'content-type': 'application/octet-stream' },
      body: 'bytes',
    },
    403,
    {
      ...CONNECTION,
      ...PAGE_SECURITY,
      'content-type': 'application/json',
      'x-request-id': '<request id>',
    },
  ],
  ['the health check', { method: 'GET', path: '/health' }, 200, JSON_API],
  ['the health check, HEAD', { method: 'HEAD', path: '/health' }, 200, bodiless(JSON_API)],
  ['the OpenAPI document', { method: 'GET', path: '/openapi.json' }, 200, JSON_API],
  [
    'the API reference page',
    { method: 'GET', path: '/docs' },
    200,
    {
      ...CONNECTION,
      ...PAGE_SECURITY,
      'content-type': 'text/html; charset=UTF-8',
      'x-request-id': '<request id>',
    },
  ],
  [
    "the dashboard's page",
    { method: 'GET', path: '/keys' },
    200,
    {
      ...CONNECTION,
      ...PAGE_SECURITY,
      'cache-control': 'no-cache',
      'content-security-policy': DASHBOARD_CSP,
      'content-type': 'text/html; charset=utf-8',
      etag: '"d5wxmvQxtIKWc86igKhs8707uZD"',
      'x-request-id': '<request id>',
    },
  ],
  [
    'a dashboard asset',
    { method: 'GET', path: '/assets/app-1234.js' },
    200,
    {
      ...CONNECTION,
      ...PAGE_SECURITY,
      'cache-control': 'public, max-age=31536000, immutable',
      'content-type': 'text/javascript; charset=utf-8',
      etag: '"NcFG924SlHfGQGG8hFEeEJDz1Ng"',
      'x-request-id': '<request id>',
    },
  ],
  [
    'a dashboard asset not modified',
    {
      method: 'GET',
      path: '/assets/app-1234.js',
      headers: { 'if-none-match': '"NcFG924SlHfGQGG8hFEeEJDz1Ng"' },
    },
    304,
    {
      connection: 'keep-alive',
      date: '<date>',
      'keep-alive': 'timeout=5',
      ...PAGE_SECURITY,
      'cache-control': 'public, max-age=31536000, immutable',
      'content-type': 'text/javascript; charset=utf-8',
      etag: '"NcFG924SlHfGQGG8hFEeEJDz1Ng"',
      'x-request-id': '<request id>',
    },
  ],
  [
    'a 429 for an address with too many failures',
    { method: 'GET', path: '/api/v1/auth/whoami', key: 'bad' },
    429,
    { ...JSON_API, 'retry-after': '60' },
  ],
];

interface Answer {
  status: number;
  headers: HeaderSet;
  body: string;
}

function send(url: string, probe: Probe, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${probe.path}`, { method: probe.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const set: HeaderSet = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = (res.rawHeaders[i] as string).toLowerCase();
          const value = res.rawHeaders[i + 1] as string;
          const seen = set[name];
          set[name] = seen === undefined ? value : [seen, value].flat();
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: set,
          body: Buffer.concat(chunks).toString(),
        });
      });
    });
    req.on('error', reject);
    req.end(probe.body);
  });
}

/** Replaces what differs from run to run, after checking it. */
function normalised(answer: Answer, method: string): HeaderSet {
  const headers = { ...answer.headers };
  if (headers.date !== undefined) headers.date = '<date>';
  const requestId = headers['x-request-id'];
  if (typeof requestId === 'string') {
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    if (answer.body.startsWith('{"data"') || answer.body.startsWith('{"error"')) {
      expect(JSON.parse(answer.body).meta.request_id).toBe(requestId);
    }
    headers['x-request-id'] = '<request id>';
  }
  const length = headers['content-length'];
  if (typeof length === 'string') {
    if (method !== 'HEAD') expect(Number(length)).toBe(Buffer.byteLength(answer.body));
    headers['content-length'] = '<length>';
  }
  const cookie = headers['set-cookie'];
  if (typeof cookie === 'string') {
    headers['set-cookie'] = cookie.replace(
      /^onepin_session=[A-Za-z0-9_-]{43};/,
      'onepin_session=<token>;',
    );
  }
  return headers;
}

describe('response headers over HTTP', () => {
  let world: TestWorld;
  let server: Server;
  let url: string;
  let dashboard: string;
  const keys: Record<NonNullable<Probe['key']>, string> = {
    reader: '',
    unscoped: '',
    limited: '',
    bad: `op_live_${'0'.repeat(32)}`,
  };
  let session = { cookie: '', csrfToken: '' };

  beforeAll(async () => {
    dashboard = mkdtempSync(join(tmpdir(), 'onepin-dashboard-'));
    mkdirSync(join(dashboard, 'assets'));
    writeFileSync(join(dashboard, 'index.html'), '<!doctype html><title>OnePin</title>');
    writeFileSync(join(dashboard, 'assets', 'app-1234.js'), 'console.log(1);');
    // Listening first, as main.ts does: the app is built knowing its own address, and browser
    // requests are answered at this host only.
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    world = await createTestWorld(sqliteDialect, {
      failedAuthLimitPerMin: 4,
      settings: { jsonBodyLimitBytes: 1_024, publicUrl: url },
      app: { extraRoutes: [serveDashboard(dashboard)] },
    });
    server.on('request', getRequestListener(world.app.fetch, { hostname: '127.0.0.1' }));
    const { user, workspace } = await createUserWithWorkspace(world.deps, {
      email: 'headers@example.com',
      password: PASSWORD,
      workspaceName: 'Headers',
    });
    const owner = { id: workspace.id, name: workspace.name, userId: user.id, email: user.email };
    keys.reader = (
      await world.createKey(owner, { scopes: ['api_keys:read', 'api_keys:write'] })
    ).plaintext;
    keys.unscoped = (await world.createKey(owner)).plaintext;
    keys.limited = (await world.createKey(owner, { rateLimitPerMin: 1 })).plaintext;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await world?.dispose();
    rmSync(dashboard, { recursive: true, force: true });
  });

  it.each(CASES)('are unchanged on %s', async (_label, probe, status, expected) => {
    const headers: Record<string, string> = { ...probe.headers };
    if (probe.key) headers.authorization = `Bearer ${keys[probe.key]}`;
    if (probe.session) {
      headers.cookie = session.cookie;
      if (probe.method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
    }
    let answer = await send(url, probe, headers);
    // The address throttle needs a few more failures than the cases above made.
    for (let i = 0; status === 429 && probe.key === 'bad' && answer.status === 401 && i < 5; i++) {
      answer = await send(url, probe, headers);
    }
    const cookie = answer.headers['set-cookie'];
    if (typeof cookie === 'string' && !cookie.includes('Max-Age=0')) {
      const csrfToken = JSON.parse(answer.body).data.csrf_token as string;
      session = { cookie: cookie.split(';')[0] as string, csrfToken };
    }
    expect({ status: answer.status, headers: normalised(answer, probe.method) }).toEqual({
      status,
      headers: expected,
    });
  });
});

/** `c.header(name, value)` (not `c.req.header(name)`, which reads) or a cookie helper of Hono's. */
const SETS_HEADERS = /(?<!\breq)\.header\(\s*[^)\s]|\b(?:setCookie|deleteCookie|setSignedCookie)\(/;

describe('response headers in the source', () => {
  it('are never set with c.header() or the cookie helpers, which jsonResponse would not see', async () => {
    // Headers go on the context as data (requestId, rateLimit, setCookie) or into
    // jsonResponse's extraHeaders.
    const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
    const offenders: string[] = [];
    for (const file of await filesUnder(root)) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.startsWith('test-support')) {
        continue;
      }
      const source = readFileSync(join(root, file), 'utf8');
      if (SETS_HEADERS.test(source)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
