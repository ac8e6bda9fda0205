import { generateServiceToken } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, OnePinClient, OnePinConfigurationError } from '../index.js';
import { createSdkWorld, type SdkWorld } from '../test-support/real-app.js';

describe('new OnePinClient: a service token', () => {
  it('accepts an op_svc_ token and shows only its preview', () => {
    const token = generateServiceToken();
    const client = new OnePinClient({ token });
    expect(client.tokenPreview).toBe(`op_svc_…${token.slice(-4)}`);
    expect(JSON.stringify(client)).not.toContain(token);
    expect(String(client)).not.toContain(token);
  });

  it('rejects a service token with a bad checksum, never quoting it', () => {
    const token = generateServiceToken();
    const bad = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(() => new OnePinClient({ token: bad })).toThrow(OnePinConfigurationError);
    try {
      new OnePinClient({ token: bad });
    } catch (error) {
      expect((error as Error).message).toMatch(/service token/);
      expect((error as Error).message).not.toContain(bad.slice(7, 20));
    }
  });
});

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: client.keys`, () => {
    let sdk: SdkWorld;
    let service: OnePinClient;

    beforeAll(async () => {
      sdk = await createSdkWorld(dialect);
      service = sdk.clientFor((await sdk.world.createServiceToken('sdk')).token);
    });
    afterAll(() => sdk.dispose());

    it('verifies a key, with scopes and workspace', async () => {
      const key = await sdk.world.createKey(sdk.workspace, { scopes: ['workflows:read'] });
      const ok = await service.keys.verify({
        key: key.plaintext,
        scopes: ['workflows:read'],
        workspaceId: sdk.workspace.id,
      });
      expect(ok).toMatchObject({ valid: true, code: 'VALID', key: { id: key.id } });
      const missing = await service.keys.verify({ key: key.plaintext, scopes: ['webhooks:read'] });
      expect(missing).toMatchObject({
        valid: false,
        code: 'INSUFFICIENT_SCOPE',
        missing_scopes: ['webhooks:read'],
      });
      expect(await service.keys.verify({ key: 'nope' })).toMatchObject({ code: 'INVALID' });
    });

    it('verifies a batch, in order', async () => {
      const key = await sdk.world.createKey(sdk.workspace);
      const results = await service.keys.verifyBatch([
        { key: key.plaintext },
        { key: 'nope' },
        { key: key.plaintext, workspaceId: 'other' },
      ]);
      expect(results.map((r) => r.code)).toEqual(['VALID', 'INVALID', 'WORKSPACE_MISMATCH']);
    });

    it('an API key as the client token gets AuthenticationError', async () => {
      const client = await sdk.client(['api_keys:read']);
      await expect(client.keys.verify({ key: 'x' })).rejects.toBeInstanceOf(AuthenticationError);
    });
  });
}
