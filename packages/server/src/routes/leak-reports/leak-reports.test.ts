import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { generateApiKey } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { sql } from 'kysely';
import { beforeAll, describe, expect } from 'vitest';
import { buildApp } from '../../app.js';
import { createAppDeps } from '../../deps.js';
import { GithubPublicKeys } from '../../secret-scanning/github-public-keys.js';
import { processReportedRevocations } from '../../services/key-event-sweeps.js';
import { seedWebhook } from '../../test-support/webhooks.js';
import { type TestWorld, worldPerSuite } from '../../test-support/world.js';

/** A P-256 key pair made at run time, standing in for GitHub's. */
function githubKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const GITHUB = githubKeyPair();
const STRANGER = githubKeyPair();
const KEY_ID = '90a421169f0a406205f1563a953312f0be898d3c7b6c06b681aa86a874555f4a';

const GITHUB_PATH = '/api/v1/secret-scanning/github';

const signed = (body: string, key: KeyObject = GITHUB.privateKey) =>
  sign('sha256', Buffer.from(body), { key, dsaEncoding: 'der' }).toString('base64');

describe.each(testDialects)('$name: leaked-key reports (issue 16)', (dialect) => {
  const suite = worldPerSuite(dialect, {
    githubPublicKeys: GithubPublicKeys.fromJson(
      JSON.stringify({
        public_keys: [{ key_identifier: KEY_ID, key: GITHUB.pem, is_current: true }],
      }),
    ),
    failedAuthLimitPerMin: 5,
  });
  let world: TestWorld;
  let address = 0;
  const nextAddress = () => `203.0.113.${++address}`;

  beforeAll(() => {
    if (dialectAvailable(dialect)) world = suite.world;
  });

  const report = (
    entries: unknown,
    options: { identifier?: string; signature?: string; body?: string; address?: string } = {},
  ) => {
    const body = options.body ?? JSON.stringify(entries);
    return world.call('POST', GITHUB_PATH, {
      rawBody: body,
      address: options.address ?? nextAddress(),
      headers: {
        'content-type': 'application/json',
        'github-public-key-identifier': options.identifier ?? KEY_ID,
        'github-public-key-signature': options.signature ?? signed(body),
      },
    });
  };

  const works = async (key: string) =>
    (await world.call('GET', '/api/v1/auth/whoami', { key })).status === 200;

  const eventsOf = async (workspaceId: string, type: string) =>
    (
      await sql<{
        payload: string;
      }>`select payload from webhook_events where workspace_id = ${workspaceId} and type = ${type}`.execute(
        world.database.handle.db,
      )
    ).rows.map((row) => JSON.parse(row.payload));

  suite.run(
    'a signed GitHub report revokes the leaked key at once, labels every match, and fires api_key.leaked with the URL',
    async () => {
      const workspace = await world.createWorkspace();
      await seedWebhook(world, workspace, { event_types: ['api_key.leaked', 'api_key.revoked'] });
      const leaked = await world.createKey(workspace, { name: 'pushed by mistake' });
      expect(await works(leaked.plaintext)).toBe(true);
      const unknown = generateApiKey('live');
      const garbage = `${leaked.plaintext.slice(0, -1)}${leaked.plaintext.endsWith('A') ? 'B' : 'A'}`;
      const url = 'https://github.com/acme/app/blob/abc123/.env#L3';

      const answer = await report([
        { token: leaked.plaintext, type: 'onepin_live_key', url, source: 'content' },
        { token: unknown, type: 'onepin_live_key', url, source: 'content' },
        { token: garbage, type: 'onepin_live_key', url, source: 'content' },
      ]);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual([
        { token_raw: leaked.plaintext, token_type: 'onepin_live_key', label: 'true_positive' },
        { token_raw: unknown, token_type: 'onepin_live_key', label: 'false_positive' },
        { token_raw: garbage, token_type: 'onepin_live_key', label: 'false_positive' },
      ]);
      expect(await works(leaked.plaintext)).toBe(false);

      const admin = await world.signIn(workspace);
      const shown = await world.call('GET', `/api/v1/api-keys/${leaked.id}`, { session: admin });
      expect(shown.body.data).toMatchObject({
        active: false,
        leak: { source: 'github', url, action: 'revoked' },
      });
      const listed = await world.call('GET', '/api/v1/api-keys?status=all', { session: admin });
      expect(listed.body.data.find((k: { id: string }) => k.id === leaked.id).leak.url).toBe(url);

      const [event] = await eventsOf(workspace.id, 'api_key.leaked');
      expect(event.data).toMatchObject({
        api_key: { id: leaked.id, active: false },
        leak: { source: 'github', url, action: 'revoked' },
        actor: { type: 'system', name: 'GitHub secret scanning' },
      });
      expect(await eventsOf(workspace.id, 'api_key.revoked')).toHaveLength(1);
      const activity = await world.call('GET', '/api/v1/activity', { session: admin });
      const actions = activity.body.data.map((e: { type: string }) => e.type);
      expect(actions).toContain('api_key_leaked');
      expect(actions).toContain('api_key_revoked');
    },
  );

  suite.run('with the notify action a report only tells: the key keeps working', async () => {
    const workspace = await world.createWorkspace();
    const key = await world.createKey(workspace);
    // Settings are frozen: the same server's dependencies, built with the other action.
    const notifying = buildApp(
      createAppDeps({
        ...world.deps,
        settings: { ...world.deps.settings, secretScanningAction: 'notify' },
      }),
    );
    const body = JSON.stringify([
      { token: key.plaintext, type: 't', url: 'https://gist.github.com/x' },
    ]);
    const answer = await notifying.request(
      GITHUB_PATH,
      {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'github-public-key-identifier': KEY_ID,
          'github-public-key-signature': signed(body),
        },
      },
      { incoming: { socket: { remoteAddress: nextAddress() } } } as never,
    );
    expect(((await answer.json()) as Array<{ label: string }>)[0]?.label).toBe('true_positive');
    expect(await works(key.plaintext)).toBe(true);
    const admin = await world.signIn(workspace);
    const shown = await world.call('GET', `/api/v1/api-keys/${key.id}`, { session: admin });
    expect(shown.body.data.leak).toMatchObject({ action: 'notified', source: 'github' });
  });

  suite.run(
    'a key already revoked is still a true positive, its report recorded as notified',
    async () => {
      const workspace = await world.createWorkspace();
      const key = await world.createKey(workspace);
      const admin = await world.signIn(workspace);
      await world.call('DELETE', `/api/v1/api-keys/${key.id}`, { session: admin });
      const answer = await report([{ token: key.plaintext, type: 't', url: 'https://x.example' }]);
      expect(answer.body[0].label).toBe('true_positive');
      const shown = await world.call('GET', `/api/v1/api-keys/${key.id}`, { session: admin });
      expect(shown.body.data.leak).toMatchObject({ action: 'notified', url: 'https://x.example' });
    },
  );

  suite.run.each([
    ['a signature by another key', { signature: 'stranger' }],
    ['an unknown key identifier', { identifier: 'f'.repeat(64) }],
    ['no signature at all', { signature: '' }],
    ['a signature that is not base64', { signature: '%%%' }],
    ['a body changed after signing', { tamper: true }],
  ])(
    'refuses a forged report (%s) with one 401 that reveals nothing, and revokes nothing',
    async (_label, forge) => {
      const workspace = await world.createWorkspace();
      const key = await world.createKey(workspace);
      const entries = [{ token: key.plaintext, type: 't', url: 'https://example.com' }];
      const body = JSON.stringify(entries);
      const options: Parameters<typeof report>[1] = {};
      if ('signature' in forge) {
        options.signature =
          forge.signature === 'stranger' ? signed(body, STRANGER.privateKey) : forge.signature;
      }
      if ('identifier' in forge) options.identifier = forge.identifier;
      if ('tamper' in forge) {
        options.signature = signed(body);
        options.body = JSON.stringify([{ ...entries[0], url: 'https://evil.example' }]);
      }
      const answer = await report(entries, options);
      expect(answer.status).toBe(401);
      expect(answer.body.error).toEqual({
        code: 'UNAUTHORIZED',
        message: 'The report is not signed by GitHub.',
      });
      expect(JSON.stringify(answer.body)).not.toContain(key.plaintext);
      expect(await works(key.plaintext)).toBe(true);
    },
  );

  suite.run(
    'verifies the bytes GitHub signed, not the JSON parsed from them (spacing, escapes)',
    async () => {
      const workspace = await world.createWorkspace();
      const key = await world.createKey(workspace);
      // Parsed and written again, this body would lose its spaces and its escape.
      const body = `[ { "token" : "${key.plaintext}", "type": "t", "url": "https:\\/\\/x.example" } ]`;
      // A signature over the same JSON written another way is not GitHub's signature.
      const canonical = JSON.stringify(JSON.parse(body));
      expect((await report(null, { body, signature: signed(canonical) })).status).toBe(401);
      const answer = await report(null, { body });
      expect(answer.status).toBe(200);
      expect(answer.body[0]).toMatchObject({ label: 'true_positive' });
      expect(await works(key.plaintext)).toBe(false);
    },
  );

  suite.run(
    'a forged report with a malformed body is still only a 401 (the signature comes first)',
    async () => {
      const answer = await report(null, { body: '{"not": "an array"', signature: signed('other') });
      expect(answer.status).toBe(401);
    },
  );

  suite.run('throttles an address that keeps forging, before verifying anything', async () => {
    const from = '198.51.100.77';
    for (let i = 0; i < 5; i++) {
      expect((await report([], { signature: 'AAAA', address: from })).status).toBe(401);
    }
    const limited = await report([{ token: 'x', type: 't' }], { address: from });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  suite.run('refuses every report when no GitHub keys are configured', async () => {
    const keys = world.deps.githubPublicKeys;
    delete world.deps.githubPublicKeys;
    try {
      expect((await report([{ token: 'x', type: 't' }])).status).toBe(401);
    } finally {
      if (keys) world.deps.githubPublicKeys = keys;
    }
  });

  const revokePublicly = (credentials: unknown, address = nextAddress()) =>
    world.call('POST', '/api/v1/credentials/revoke', { body: { credentials }, address });

  suite.run(
    'the public endpoint answers the same for real and made-up keys, echoes none, and revokes the real ones',
    async () => {
      const workspace = await world.createWorkspace();
      await seedWebhook(world, workspace, { event_types: ['api_key.leaked'] });
      const real = await world.createKey(workspace);
      const madeUp = generateApiKey('live');

      const forReal = await revokePublicly([real.plaintext]);
      const forNothing = await revokePublicly([madeUp]);
      expect(forReal.status).toBe(202);
      const strip = (body: { meta?: unknown }) => ({ ...body, meta: undefined });
      expect(strip(forReal.body)).toEqual(strip(forNothing.body));
      expect(strip(forReal.body)).toEqual({ data: { received: 1 } });
      expect([...forReal.headers.keys()].sort()).toEqual([...forNothing.headers.keys()].sort());
      for (const response of [forReal, forNothing]) {
        expect(JSON.stringify(response.body)).not.toMatch(/op_live_[0-9A-Za-z]{32}/);
      }
      // The same work either way: both hashes wait for the worker, nothing is looked up yet.
      const queued = await sql<{
        n: number;
      }>`select count(*) as n from pending_key_revocations`.execute(world.database.handle.db);
      expect(Number(queued.rows[0]?.n)).toBe(2);

      while ((await processReportedRevocations(world.deps, 30_000)) > 0) {}
      expect(await works(real.plaintext)).toBe(false);
      const [event] = await eventsOf(workspace.id, 'api_key.leaked');
      expect(event.data).toMatchObject({
        api_key: { id: real.id },
        leak: { source: 'public_report', url: null, action: 'revoked' },
        actor: { type: 'system', name: 'public report' },
      });
      const left = await sql<{
        n: number;
      }>`select count(*) as n from pending_key_revocations`.execute(world.database.handle.db);
      expect(Number(left.rows[0]?.n)).toBe(0);
    },
  );

  suite.run('a key already revoked is not reported again by the public endpoint', async () => {
    const workspace = await world.createWorkspace();
    await seedWebhook(world, workspace, { event_types: ['api_key.leaked'] });
    const key = await world.createKey(workspace);
    await revokePublicly([key.plaintext]);
    await processReportedRevocations(world.deps, 30_000);
    await revokePublicly([key.plaintext]);
    await processReportedRevocations(world.deps, 30_000);
    expect(await eventsOf(workspace.id, 'api_key.leaked')).toHaveLength(1);
  });

  suite.run(
    'the public endpoint takes 1,000 credentials at most, and quotes none back',
    async () => {
      const key = generateApiKey('live');
      const many = Array.from({ length: 1001 }, () => key);
      const refused = await revokePublicly(many);
      expect(refused.status).toBe(422);
      expect(JSON.stringify(refused.body)).not.toContain(key);
      const tooLong = await revokePublicly([`${key}${'x'.repeat(1000)}`]);
      expect(tooLong.status).toBe(422);
      expect(JSON.stringify(tooLong.body)).not.toContain(key);
    },
  );

  suite.run(
    'both take reports at any host name: machines call them, not the dashboard',
    async () => {
      const workspace = await world.createWorkspace();
      const [reported, found] = [
        await world.createKey(workspace),
        await world.createKey(workspace),
      ];
      const elsewhere = { host: 'onepin-hooks.internal:8443' };
      const body = JSON.stringify([
        { token: reported.plaintext, type: 't', url: 'https://x.example' },
      ]);
      const github = await world.call('POST', GITHUB_PATH, {
        rawBody: body,
        address: nextAddress(),
        headers: {
          ...elsewhere,
          'content-type': 'application/json',
          'github-public-key-identifier': KEY_ID,
          'github-public-key-signature': signed(body),
        },
      });
      expect(github.status).toBe(200);
      const revoke = await world.call('POST', '/api/v1/credentials/revoke', {
        body: { credentials: [found.plaintext] },
        address: nextAddress(),
        headers: elsewhere,
      });
      expect(revoke.status).toBe(202);
      await world.processLeakReports();
      // From addresses of their own: a dead key is a failed authentication of its address.
      for (const key of [reported, found]) {
        const after = await world.call('GET', '/api/v1/auth/whoami', {
          key: key.plaintext,
          address: nextAddress(),
        });
        expect(after.status).toBe(401);
      }
    },
  );

  suite.run('the public endpoint is rate-limited per address', async () => {
    const from = '198.51.100.200';
    for (let i = 0; i < 10; i++) {
      expect((await revokePublicly(['nothing'], from)).status).toBe(202);
    }
    const limited = await revokePublicly(['nothing'], from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await revokePublicly(['nothing'], '198.51.100.201')).status).toBe(202);
  });

  suite.run('malformed revocation requests count against the address too', async () => {
    const from = '198.51.100.210';
    for (let i = 0; i < 10; i++) {
      expect((await revokePublicly('not a list', from)).status).toBe(422);
    }
    expect((await revokePublicly(['nothing'], from)).status).toBe(429);
  });

  suite.run('every other route still refuses a pasted key: the opt-out is per route', async () => {
    const workspace = await world.createWorkspace();
    const admin = await world.signIn(workspace);
    const made = await world.call('POST', '/api/v1/webhooks', {
      session: admin,
      body: {
        url: 'https://hooks.example.com/x',
        events: ['*'],
        description: `key ${generateApiKey('live')}`,
      },
    });
    expect(made.status).toBe(422);
    expect(made.body.error.details).toEqual([
      { field: 'description', message: 'must not contain an API key' },
    ]);
  });
});
