import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  ConflictError,
  InternalServerError,
  OnePinError,
  RateLimitError,
} from '../index.js';
import { failure, hang, ok, scriptedClient } from '../test-support/fake-fetch.js';
import { sleep } from './sleep.js';

const networkDown = () =>
  Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), {
      code: 'ECONNREFUSED',
    }),
  });

describe('retries', () => {
  it('retries a GET on 5xx with exponential backoff, then succeeds', async () => {
    const { client, requests, waits } = scriptedClient([
      failure(500, 'INTERNAL_ERROR'),
      failure(503, 'SERVICE_UNAVAILABLE'),
      ok({ id: 'ws' }),
    ]);
    await expect(client.workspace.retrieve()).resolves.toEqual({ id: 'ws' });
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  it('gives up after maxRetries (2 by default) with the last error', async () => {
    const { client, requests } = scriptedClient([
      failure(500, 'INTERNAL_ERROR'),
      failure(500, 'INTERNAL_ERROR'),
      failure(502, 'BAD_GATEWAY'),
    ]);
    const error = await client.auth.whoami().catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, code: 'BAD_GATEWAY' });
    expect(requests).toHaveLength(3);
  });

  it.each([
    ['client', { maxRetries: 0 }, undefined],
    ['call', {}, { maxRetries: 0 }],
  ])('maxRetries: 0 on the %s sends once', async (_, clientOptions, callOptions) => {
    const { client, requests } = scriptedClient([failure(500, 'INTERNAL_ERROR')], clientOptions);
    await expect(client.auth.whoami(callOptions)).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(1);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries status %i', async (status) => {
    const { client, requests } = scriptedClient([failure(status, 'X'), ok({})]);
    await client.auth.whoami();
    expect(requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 413, 422])('does not retry status %i', async (status) => {
    const { client, requests } = scriptedClient([failure(status, 'X')]);
    await expect(client.auth.whoami()).rejects.toMatchObject({ status });
    expect(requests).toHaveLength(1);
  });

  it('never retries a 409, even on an idempotent method', async () => {
    const { client, requests } = scriptedClient([failure(409, 'CONFLICT')]);
    await expect(client.apiKeys.revoke('k')).rejects.toBeInstanceOf(ConflictError);
    expect(requests.map((r) => r.method)).toEqual(['DELETE']);
  });

  it.each([
    ['POST', (c: ReturnType<typeof scriptedClient>['client']) => c.apiKeys.create({ name: 'x' })],
    ['PATCH', (c: ReturnType<typeof scriptedClient>['client']) => c.apiKeys.update('k', {})],
  ])('does not retry a %s (not idempotent)', async (method, call) => {
    const { client, requests } = scriptedClient([failure(503, 'SERVICE_UNAVAILABLE')]);
    await expect(call(client)).rejects.toBeInstanceOf(InternalServerError);
    const { client: offline, requests: offlineRequests } = scriptedClient([networkDown()]);
    await expect(call(offline)).rejects.toBeInstanceOf(APIConnectionError);
    expect([...requests, ...offlineRequests].map((r) => r.method)).toEqual([method, method]);
  });

  it('retries connection errors, then throws APIConnectionError naming the host', async () => {
    const { client, requests, waits } = scriptedClient([
      networkDown(),
      networkDown(),
      networkDown(),
    ]);
    const error = await client.auth.whoami().catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe('Could not reach http://fake.test: ECONNREFUSED');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });
});

describe('broken answers', () => {
  const broken = () =>
    new Response(
      new ReadableStream({
        start: (controller) => controller.error(new Error('socket hang up')),
      }),
      { headers: { 'content-type': 'application/json' } },
    );

  it('a body that breaks off is a connection error, retried for a GET', async () => {
    const { client, requests } = scriptedClient([broken, ok({ id: 'ws' })]);
    await expect(client.workspace.retrieve()).resolves.toEqual({ id: 'ws' });
    expect(requests).toHaveLength(2);
  });

  it('names what broke when it gives up', async () => {
    const { client } = scriptedClient([broken], { maxRetries: 0 });
    const error = await client.auth.whoami().catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe('The connection broke while reading the answer: socket hang up');
  });
});

describe('Retry-After', () => {
  const rateLimited = (headers: Record<string, string>) => failure(429, 'RATE_LIMITED', headers);

  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after-ms': '1500' }, 1500],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': 'soon' }, 500],
    [{}, 500],
  ])('waits as %j asks: %i ms', async (headers, expected) => {
    const { client, waits } = scriptedClient([rateLimited(headers), ok({})]);
    await client.auth.whoami();
    expect(waits).toEqual([expected]);
  });

  it('reads an HTTP date', async () => {
    const at = new Date(Date.now() + 10_000).toUTCString();
    const { client, waits } = scriptedClient([rateLimited({ 'retry-after': at }), ok({})]);
    await client.auth.whoami();
    expect(waits[0]).toBeGreaterThan(8_000);
    expect(waits[0]).toBeLessThanOrEqual(10_000);
  });

  it('hands a wait longer than a minute to the caller instead of sleeping', async () => {
    const { client, requests, waits } = scriptedClient([rateLimited({ 'retry-after': '120' })]);
    const error = await client.auth.whoami().catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(120);
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

describe('timeouts', () => {
  it('times out each attempt, retries, then throws APIConnectionTimeoutError', async () => {
    const { client, requests } = scriptedClient([hang, hang, hang], { timeoutMs: 20 });
    const error = await client.auth.whoami().catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe('No answer within 20 ms.');
    expect(requests).toHaveLength(3);
    expect(requests.every((request) => request.signal.aborted)).toBe(true);
  });

  it('a call can set its own timeout', async () => {
    const { client } = scriptedClient([hang], { timeoutMs: 60_000, maxRetries: 0 });
    await expect(client.auth.whoami({ timeoutMs: 10 })).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
  });

  it('covers reading the body, not only the headers', async () => {
    const stalled = () =>
      new Response(new ReadableStream({ start: () => {} }), {
        headers: { 'content-type': 'application/json' },
      });
    const { client } = scriptedClient([stalled], { timeoutMs: 20, maxRetries: 0 });
    await expect(client.auth.whoami()).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });
});

describe('aborts', () => {
  it('does not send when the signal is already aborted', async () => {
    const { client, requests } = scriptedClient([ok({})]);
    const error = await client.auth.whoami({ signal: AbortSignal.abort() }).catch((e) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(0);
  });

  it('aborts a request in flight and does not retry it', async () => {
    const { client, requests } = scriptedClient([hang, ok({})]);
    const controller = new AbortController();
    const pending = client.auth.whoami({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 5);
    const error = await pending.catch((e) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.signal.aborted).toBe(true);
  });

  it('aborts the wait between retries', async () => {
    const { client, requests } = scriptedClient([failure(503, 'SERVICE_UNAVAILABLE'), ok({})], {
      sleep,
    });
    const controller = new AbortController();
    const pending = client.auth.whoami({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(1);
  });
});

describe('responses', () => {
  it('a non-JSON 5xx keeps the status, a fallback code and the X-Request-Id', async () => {
    const html = new Response('<h1>Bad gateway</h1>', {
      status: 502,
      headers: { 'content-type': 'text/html', 'x-request-id': 'proxy-1' },
    });
    const { client } = scriptedClient([html], { maxRetries: 0 });
    const error = await client.auth.whoami().catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL_ERROR', requestId: 'proxy-1' });
  });

  it('a 200 that is not an envelope says the base URL may be wrong', async () => {
    const page = new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } });
    const { client } = scriptedClient([page]);
    const error = await client.auth.whoami().catch((e) => e);
    expect(error).toBeInstanceOf(OnePinError);
    expect(error.message).toMatch(/Is baseUrl the OnePin API\?/);
  });

  it('sends JSON bodies, query parameters and extra headers', async () => {
    const { client, requests } = scriptedClient([
      json201({ id: 'k' }),
      ok([], { pagination: { limit: 5, offset: 10, total: 0, next: null, prev: null } }),
    ]);
    await client.apiKeys.create(
      { name: 'n', scopes: ['workflows:read'] },
      {
        headers: { 'x-trace': 'abc' },
      },
    );
    await client.apiKeys.list({ status: 'revoked', limit: 5, offset: 10 });
    const [create, list] = requests;
    expect(create?.headers.get('content-type')).toBe('application/json');
    expect(create?.headers.get('x-trace')).toBe('abc');
    expect(await create?.json()).toEqual({ name: 'n', scopes: ['workflows:read'] });
    expect(list?.url).toBe('http://fake.test/api/v1/api-keys?status=revoked&limit=5&offset=10');
  });

  it('encodes ids so they cannot leave their path segment', async () => {
    const { client, requests } = scriptedClient([ok({})]);
    await client.apiKeys.retrieve('../workspaces/current?x=1#y');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(
      '/api/v1/api-keys/..%2Fworkspaces%2Fcurrent%3Fx%3D1%23y',
    );
    await expect(client.apiKeys.retrieve('..')).rejects.toThrow(OnePinError);
    await expect(client.apiKeys.retrieve('')).rejects.toThrow(OnePinError);
    await expect(client.workflows.uploads('.')).rejects.toThrow(OnePinError);
  });
});

function json201(data: unknown) {
  return new Response(JSON.stringify({ data, meta: { request_id: 'r' } }), {
    status: 201,
    headers: { 'content-type': 'application/json' },
  });
}
