import { generateApiKey } from '@onepin/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VerifierConfigurationError, VerifierUnavailableError } from './errors.js';
import { FakeOnePin, makeServiceToken } from './test-support/fake-onepin.js';
import { createVerifier, type Verifier, type VerifierOptions } from './verifier.js';

let fake: FakeOnePin;
const verifiers: Verifier[] = [];

beforeEach(async () => {
  fake = await new FakeOnePin().start();
});

afterEach(async () => {
  await Promise.all(verifiers.splice(0).map((v) => v.close()));
  await fake.stop();
});

function verifier(options: Partial<VerifierOptions> = {}): Verifier {
  const made = createVerifier({
    baseUrl: fake.url,
    serviceToken: fake.serviceToken,
    events: false,
    reconnectDelayMs: 20,
    ...options,
  });
  verifiers.push(made);
  return made;
}

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A verifier following the stream, once its stream is ready (the first `ready` clears). */
async function streamingVerifier(options: Partial<VerifierOptions> = {}): Promise<Verifier> {
  const v = verifier({ events: true, ...options });
  await until(() => fake.openStreams === 1);
  await new Promise((r) => setTimeout(r, 20));
  return v;
}

describe('createVerifier', () => {
  it('refuses a missing base URL and a malformed service token before any request', () => {
    expect(() => createVerifier({ baseUrl: '', serviceToken: fake.serviceToken })).toThrow(
      VerifierConfigurationError,
    );
    const typo = `${fake.serviceToken.slice(0, -1)}${fake.serviceToken.endsWith('a') ? 'b' : 'a'}`;
    expect(() => createVerifier({ baseUrl: fake.url, serviceToken: typo })).toThrow(
      /service token/,
    );
    expect(() =>
      createVerifier({ baseUrl: fake.url, serviceToken: generateApiKey('live') }),
    ).toThrow(VerifierConfigurationError);
  });

  it('answers malformed and bad-checksum keys INVALID without asking the server', async () => {
    const v = verifier();
    const key = generateApiKey('live');
    const badChecksum = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    for (const candidate of ['', 'nope', badChecksum, `${key}x`, makeServiceToken()]) {
      expect(await v.verify(candidate)).toMatchObject({ valid: false, code: 'INVALID', key: null });
    }
    expect(fake.calls.verify).toBe(0);
  });

  it('asks the server once per key and answers it from memory afterwards', async () => {
    const key = fake.addKey({ scopes: ['reports:read'], rateLimitPerMin: 100 });
    const v = verifier();
    const first = await v.verify(key.plaintext, { scopes: ['reports:read'] });
    expect(first).toEqual({
      valid: true,
      code: 'VALID',
      missingScopes: [],
      key: {
        id: key.id,
        name: key.name,
        workspaceId: 'ws_1',
        workspaceName: 'Acme',
        keyType: 'live',
        scopes: ['reports:read'],
        expiresAt: null,
      },
      rateLimit: { limit: 100, remaining: 99, reset: expect.any(Number) },
    });
    for (let i = 0; i < 5; i++) await v.verify(key.plaintext, { scopes: ['reports:read'] });
    expect(fake.calls.verify).toBe(1);
    expect((await v.verify(key.plaintext)).rateLimit?.remaining).toBe(93);
  });

  it('shares one request among concurrent first sights of a key', async () => {
    const key = fake.addKey();
    fake.verifyDelayMs = 30;
    const v = verifier();
    const results = await Promise.all(Array.from({ length: 20 }, () => v.verify(key.plaintext)));
    expect(results.every((r) => r.code === 'VALID')).toBe(true);
    expect(fake.calls.verify).toBe(1);
  });

  it('judges workspace and scopes in the server order, from memory too', async () => {
    const key = fake.addKey({ scopes: ['a:read', 'b:read'], workspaceId: 'ws_1' });
    const v = verifier();
    for (let round = 0; round < 2; round++) {
      expect(
        await v.verify(key.plaintext, { scopes: ['a:read', 'c:write', 'd:write'] }),
      ).toMatchObject({
        valid: false,
        code: 'INSUFFICIENT_SCOPE',
        missingScopes: ['c:write', 'd:write'],
      });
      expect(
        await v.verify(key.plaintext, { scopes: ['c:write'], workspaceId: 'ws_2' }),
      ).toMatchObject({ valid: false, code: 'WORKSPACE_MISMATCH', missingScopes: [] });
      expect(
        await v.verify(key.plaintext, { scopes: ['b:read'], workspaceId: 'ws_1' }),
      ).toMatchObject({ valid: true, code: 'VALID' });
    }
    expect(fake.calls.verify).toBe(1);
  });

  it('remembers unknown keys too, so a bad key does not reach the server on every request', async () => {
    const v = verifier();
    const unknown = generateApiKey('test');
    expect((await v.verify(unknown)).code).toBe('INVALID');
    expect((await v.verify(unknown)).code).toBe('INVALID');
    expect(fake.calls.verify).toBe(1);
  });

  it('rejects with VerifierUnavailableError when the server cannot answer, and keeps serving known keys', async () => {
    const known = fake.addKey();
    const v = verifier();
    await v.verify(known.plaintext);
    fake.failWith = 503;
    await expect(v.verify(fake.addKey().plaintext)).rejects.toBeInstanceOf(
      VerifierUnavailableError,
    );
    await fake.stop();
    const error = await v.verify(generateApiKey('live')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VerifierUnavailableError);
    expect(String((error as Error).message)).not.toMatch(/op_live_/);
    expect((await v.verify(known.plaintext)).code).toBe('VALID');
    fake = await new FakeOnePin().start(); // for afterEach
  });

  it('reports a refused service token as unavailable, naming the cause and not the token', async () => {
    const token = makeServiceToken();
    const v = createVerifier({ baseUrl: fake.url, serviceToken: token, events: false });
    verifiers.push(v);
    const error = (await v.verify(fake.addKey().plaintext).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(VerifierUnavailableError);
    expect(error.message).toMatch(/401.*service token/);
    expect(error.message).not.toContain(token.slice(7));
  });
});

describe('freshness', () => {
  it('drops a key the events stream invalidates: the next request is refused', async () => {
    const key = fake.addKey();
    const v = await streamingVerifier();
    expect((await v.verify(key.plaintext)).code).toBe('VALID');
    expect((await v.verify(key.plaintext)).code).toBe('VALID');
    expect(fake.calls.verify).toBe(1);
    fake.revoke(key);
    await until(() => false, 50).catch(() => {});
    expect((await v.verify(key.plaintext)).code).toBe('INVALID');
    expect(fake.calls.verify).toBe(2);
  });

  it('reconnects with Last-Event-ID and hears what was missed; starts afresh on every reconnect', async () => {
    const kept = fake.addKey();
    const revoked = fake.addKey();
    const v = await streamingVerifier();
    await v.verify(kept.plaintext);
    await v.verify(revoked.plaintext);
    fake.dropStreams();
    fake.revoke(revoked, true); // while nobody listens
    await until(() => fake.openStreams === 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(fake.calls.events).toBe(2);
    expect((await v.verify(revoked.plaintext)).code).toBe('INVALID');
    expect((await v.verify(kept.plaintext)).code).toBe('VALID');
    // Both asked again: the cache was dropped on reconnecting.
    expect(fake.calls.verify).toBe(4);
  });

  it('drops everything on reset (history pruned past the last event seen)', async () => {
    const key = fake.addKey();
    const v = await streamingVerifier();
    await v.verify(key.plaintext);
    fake.revoke(fake.addKey()); // gives the client an id
    await new Promise((r) => setTimeout(r, 30));
    fake.pruneEvents();
    fake.dropStreams();
    await until(() => fake.openStreams === 1);
    await new Promise((r) => setTimeout(r, 30));
    await v.verify(key.plaintext);
    expect(fake.calls.verify).toBe(2);
  });

  it('gives up on a silent stream after two heartbeats and reconnects', async () => {
    await fake.stop();
    fake = await new FakeOnePin({ heartbeatMs: 100 }).start();
    const v = verifier({ events: true });
    await until(() => fake.calls.events === 1);
    // Heartbeats keep it: after 1.5 s it is still the first connection.
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.calls.events).toBe(1);
    fake.silent = true;
    // Silent for 2 heartbeats + 1 s: given up, and a second connection made.
    await until(() => fake.calls.events === 2, 3000);
    expect(v).toBeDefined();
  });

  it('serves a key from memory for cacheTtlMs at most, and never past its expiry', async () => {
    let now = Date.parse('2026-01-01T00:00:10Z');
    await fake.stop();
    fake = await new FakeOnePin({ now: () => now }).start();
    const long = fake.addKey();
    const expiring = fake.addKey({ expiresAt: '2026-01-01T00:00:20Z' });
    const v = verifier({ now: () => now, cacheTtlMs: 30_000 });
    await v.verify(long.plaintext);
    await v.verify(expiring.plaintext);
    now += 9_999;
    await v.verify(long.plaintext);
    expect((await v.verify(expiring.plaintext)).code).toBe('VALID');
    expect(fake.calls.verify).toBe(2);
    now += 1;
    expect((await v.verify(expiring.plaintext)).code).toBe('INVALID');
    expect(fake.calls.verify).toBe(3);
    now += 20_000;
    await v.verify(long.plaintext);
    expect(fake.calls.verify).toBe(4);
  });
});

describe('rate limits', () => {
  it('counts cached requests here, refuses past the budget and reports the use', async () => {
    const key = fake.addKey({ rateLimitPerMin: 5 });
    const v = verifier({ reportIntervalMs: 60_000 });
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) codes.push((await v.verify(key.plaintext)).code);
    expect(codes).toEqual([
      'VALID',
      'VALID',
      'VALID',
      'VALID',
      'VALID',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    const limited = await v.verify(key.plaintext);
    expect(limited.rateLimit).toMatchObject({ limit: 5, remaining: 0 });
    expect(fake.calls.verify).toBe(1);
    await v.flush();
    expect(fake.reported.get(key.id)).toBe(4); // the first was counted by the verification
    expect(fake.used(key)).toBe(5);
  });

  it("takes the server's count as its budget: use elsewhere shrinks it", async () => {
    const key = fake.addKey({ rateLimitPerMin: 100 });
    const a = verifier({ reportIntervalMs: 60_000 });
    const b = verifier({ reportIntervalMs: 60_000 });
    await a.verify(key.plaintext);
    for (let i = 0; i < 80; i++) await b.verify(key.plaintext);
    await b.flush();
    await a.verify(key.plaintext);
    await a.flush();
    // The server counted 1 + 80 + 1: a's budget is what is left, less nothing since.
    expect((await a.verify(key.plaintext)).rateLimit?.remaining).toBe(17);
  });

  it('drops a key the usage report says is no longer valid', async () => {
    const key = fake.addKey();
    const v = verifier({ reportIntervalMs: 60_000 });
    await v.verify(key.plaintext);
    await v.verify(key.plaintext);
    fake.revoke(key, true);
    await v.flush();
    expect((await v.verify(key.plaintext)).code).toBe('INVALID');
  });

  it('keeps the use of a failed report for the next one', async () => {
    const key = fake.addKey();
    const errors: Error[] = [];
    const v = verifier({ reportIntervalMs: 60_000, onError: (e) => errors.push(e) });
    for (let i = 0; i < 4; i++) await v.verify(key.plaintext);
    fake.failWith = 503;
    await v.flush();
    expect(errors).toHaveLength(1);
    fake.failWith = null;
    await v.verify(key.plaintext);
    await v.flush();
    expect(fake.reported.get(key.id)).toBe(4);
  });

  it('reports on its own at least every reportIntervalMs, and once more on close', async () => {
    const key = fake.addKey();
    const v = verifier({ reportIntervalMs: 50 });
    await v.verify(key.plaintext);
    await v.verify(key.plaintext);
    await until(() => fake.reported.get(key.id) === 1);
    await v.verify(key.plaintext);
    await v.close();
    expect(fake.reported.get(key.id)).toBe(2);
    await expect(v.verify(key.plaintext)).rejects.toBeInstanceOf(VerifierUnavailableError);
  });
});
