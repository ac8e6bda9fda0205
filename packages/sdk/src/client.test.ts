import { inspect } from 'node:util';
import { generateApiKey } from '@onepin/core';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  OnePinClient,
  OnePinConfigurationError,
  OnePinError,
} from './index.js';
import { failure, ok, scriptedClient } from './test-support/fake-fetch.js';

/** A key with a valid shape whose checksum is wrong: its last character changed. */
function withBadChecksum(key: string): string {
  return key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
}

function configurationError(options: unknown): OnePinConfigurationError {
  try {
    new OnePinClient(options as never);
  } catch (error) {
    expect(error).toBeInstanceOf(OnePinConfigurationError);
    expect(error).toBeInstanceOf(OnePinError);
    return error as OnePinConfigurationError;
  }
  throw new Error('expected OnePinConfigurationError');
}

describe('new OnePinClient: the token', () => {
  it('new OnePinClient({}) throws OnePinConfigurationError', () => {
    expect(() => new OnePinClient({})).toThrow(OnePinConfigurationError);
    expect(configurationError({}).message).toMatch(/Missing token.*ONEPIN_API_KEY/);
  });

  it.each([
    ['no options', undefined],
    ['null', null],
    ['an empty token', { token: '' }],
    ['a null token', { token: null }],
    ['a number', { token: 42 }],
  ])('rejects %s', (_, options) => {
    configurationError(options);
  });

  it.each([
    ['a foreign prefix', (key: string) => key.replace('op_live_', 'sk_live_'), /must start with/],
    ['a truncated key', (key: string) => key.slice(0, -3), /not a well-formed/],
    ['a trailing newline', (key: string) => `${key}\n`, /line break/],
    ['a wrong checksum', withBadChecksum, /checksum does not match/],
  ])('rejects %s, never quoting the token', (_, mangle, message) => {
    const token = mangle(generateApiKey('live'));
    const error = configurationError({ token });
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(token.trim());
    expect(error.message).not.toContain(token.slice(8, 20));
  });

  it('accepts live and test keys', () => {
    expect(new OnePinClient({ token: generateApiKey('live') })).toBeInstanceOf(OnePinClient);
    expect(new OnePinClient({ token: generateApiKey('test') }).tokenPreview).toMatch(
      /^op_test_…[0-9A-Za-z]{4}$/,
    );
  });
});

describe('new OnePinClient: other options', () => {
  const token = generateApiKey('live');

  it('defaults to http://127.0.0.1:8000, 2 retries and a 60 s timeout', () => {
    const client = new OnePinClient({ token });
    expect(client).toMatchObject({
      baseUrl: 'http://127.0.0.1:8000',
      maxRetries: 2,
      timeoutMs: 60_000,
      workspaceId: undefined,
    });
  });

  it.each([
    ['https://api.example.com/', 'https://api.example.com'],
    ['http://localhost:3000/onepin//', 'http://localhost:3000/onepin'],
    ['', 'http://127.0.0.1:8000'],
  ])('normalises baseUrl %j', (baseUrl, expected) => {
    expect(new OnePinClient({ token, baseUrl }).baseUrl).toBe(expected);
  });

  it.each([
    ['ftp://example.com', /http or https/],
    ['file:///etc/passwd', /http or https/],
    ['not a url', /not a valid URL/],
    ['https://user:secret@example.com', /user name or password/],
    ['https://example.com/?q=1', /query string/],
  ])('rejects baseUrl %j', (baseUrl, message) => {
    expect(configurationError({ token, baseUrl }).message).toMatch(message);
  });

  it.each([
    [{ timeoutMs: 0 }, /timeoutMs/],
    [{ timeoutMs: Number.NaN }, /timeoutMs/],
    [{ maxRetries: -1 }, /maxRetries/],
    [{ maxRetries: 1.5 }, /maxRetries/],
    [{ workspaceId: 'has space' }, /workspaceId/],
  ])('rejects %j', (options, message) => {
    expect(configurationError({ token, ...options }).message).toMatch(message);
  });

  it('withOptions keeps the token and changes the rest', async () => {
    const { client, requests } = scriptedClient([ok({}), ok({})]);
    const other = client.withOptions({ baseUrl: 'https://other.test', maxRetries: 5 });
    expect(other).not.toBe(client);
    expect(other).toMatchObject({ baseUrl: 'https://other.test', maxRetries: 5 });
    expect(client.baseUrl).toBe('http://fake.test');
    await client.auth.whoami();
    await other.auth.whoami();
    const [first, second] = requests.map((request) => request.headers.get('authorization'));
    expect(second).toBe(first);
    expect(requests[1]?.url).toBe('https://other.test/api/v1/auth/whoami');
  });
});

describe('token hygiene', () => {
  it('never shows the token in JSON, toString or util.inspect of the client', () => {
    const token = generateApiKey('live');
    const client = new OnePinClient({ token, workspaceId: 'ws-1' });
    const preview = `op_live_…${token.slice(-4)}`;
    const renderings = [
      JSON.stringify(client),
      String(client),
      `${client}`,
      inspect(client),
      inspect(client, { showHidden: true, depth: 10 }),
      inspect({ nested: { client } }, { depth: 10 }),
      inspect(client.apiKeys, { showHidden: true, depth: 10 }),
      JSON.stringify(client.apiKeys),
    ];
    for (const text of renderings) expect(text).not.toContain(token);
    expect(JSON.parse(JSON.stringify(client))).toEqual({
      baseUrl: 'http://127.0.0.1:8000',
      token: preview,
      workspaceId: 'ws-1',
      timeoutMs: 60_000,
      maxRetries: 2,
    });
    expect(inspect(client)).toContain(preview);
    expect(String(client)).toBe(`OnePinClient(http://127.0.0.1:8000, ${preview})`);
  });

  it('never shows the token in an API error or a connection error', async () => {
    const { client, requests } = scriptedClient(
      [failure(401, 'INVALID_API_KEY'), new TypeError('fetch failed')],
      { maxRetries: 0 },
    );
    const errors = [
      await client.auth.whoami().catch((e) => e),
      await client.auth.whoami().catch((e) => e),
    ];
    expect(errors[0]).toBeInstanceOf(AuthenticationError);
    const token = requests[0]?.headers.get('authorization')?.slice('Bearer '.length) ?? '';
    expect(token).toMatch(/^op_live_/);
    for (const error of errors) {
      for (const text of [
        error.message,
        String(error),
        error.stack,
        JSON.stringify(error),
        inspect(error, { showHidden: true, depth: 10 }),
      ]) {
        expect(text).not.toContain(token);
      }
    }
  });
});
