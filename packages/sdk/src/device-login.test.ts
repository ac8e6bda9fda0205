import { parseApiKey } from '@onepin/core';
import { dialectAvailable, testDialects } from '@onepin/db/test-support';
import type { TestSession } from '@onepin/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  DeviceLogin,
  type DevicePollEvent,
  OnePinClient,
  PermissionDeniedError,
} from './index.js';
import { createSdkWorld, IN_PROCESS_BASE_URL, type SdkWorld } from './test-support/real-app.js';

for (const dialect of testDialects) {
  describe.skipIf(!dialectAvailable(dialect))(`${dialect.name}: DeviceLogin (RFC 8628)`, () => {
    let sdk: SdkWorld;
    let admin: TestSession;

    beforeAll(async () => {
      sdk = await createSdkWorld(dialect, { settings: { publicUrl: IN_PROCESS_BASE_URL } });
      admin = await sdk.world.signIn(sdk.workspace);
    });
    afterAll(() => sdk.dispose());

    /** `DeviceLogin` wired to the app in process; `sleep` moves the server's fake clock. */
    function start(sleep?: (ms: number) => Promise<void>, signal?: AbortSignal) {
      return DeviceLogin.start({
        baseUrl: IN_PROCESS_BASE_URL,
        fetch: async (request) => sdk.world.app.request(request),
        sleep: async (ms, abort) => {
          if (abort?.aborted) throw abort.reason;
          if (sleep) await sleep(ms);
          else sdk.world.clock.advance(ms);
        },
        device: { clientName: 'onepin', clientVersion: '0.1.0', hostName: 'sdk-box', os: 'linux' },
        ...(signal && { signal }),
      });
    }
    const approve = (userCode: string) =>
      sdk.world.call('POST', '/api/v1/device/approve', {
        session: admin,
        body: { user_code: userCode, workspace_id: sdk.workspace.id },
      });

    it('polls at the interval, slows down when told, and resolves to a key that works', async () => {
      const login = await start();
      expect(login.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
      expect(login.verificationUriComplete).toBe(
        `${IN_PROCESS_BASE_URL}/device?code=${login.userCode}`,
      );
      expect(JSON.stringify(login)).not.toMatch(/device_?code"/i);

      const events: DevicePollEvent[] = [];
      let sleeps = 0;
      const slowLogin = await start(async (ms) => {
        // The second wait comes up short: the poll after it is too soon. Before the fourth,
        // the person approves.
        sleeps++;
        if (sleeps === 4) expect((await approve(slowLogin.userCode)).status).toBe(200);
        sdk.world.clock.advance(sleeps === 2 ? 1_000 : ms);
      });
      const key = await slowLogin.waitForKey({ onPoll: (event) => events.push(event) });
      expect(events).toEqual([
        { status: 'pending', interval: 5 },
        { status: 'slow_down', interval: 10 },
        { status: 'pending', interval: 10 },
      ]);
      expect(parseApiKey(key.api_key)).not.toBeNull();
      expect(key).toMatchObject({
        name: 'CLI on sdk-box',
        created_via: 'device_login',
        workspace_name: 'Acme',
      });
      const client = new OnePinClient({
        token: key.api_key,
        baseUrl: IN_PROCESS_BASE_URL,
        fetch: async (request) => sdk.world.app.request(request),
      });
      await expect(client.auth.whoami()).resolves.toMatchObject({ key_name: 'CLI on sdk-box' });

      // Logout: the key revokes itself; a pasted key cannot.
      await expect(client.auth.revokeCurrentKey()).resolves.toMatchObject({ active: false });
      await expect(client.auth.whoami()).rejects.toBeInstanceOf(AuthenticationError);
      const pasted = await sdk.client([]);
      await expect(pasted.auth.revokeCurrentKey()).rejects.toBeInstanceOf(PermissionDeniedError);
    });

    it('rejects with ACCESS_DENIED when the sign-in is denied', async () => {
      const login = await start();
      await sdk.world.call('POST', '/api/v1/device/deny', {
        session: admin,
        body: { user_code: login.userCode },
      });
      const error = await login.waitForKey().catch((e) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error.code).toBe('ACCESS_DENIED');
    });

    it('rejects with EXPIRED_TOKEN when no one approves in time', async () => {
      const login = await start();
      const error = await login.waitForKey().catch((e) => e);
      expect(error.code).toBe('EXPIRED_TOKEN');
    });

    it('stops waiting when the signal aborts (Ctrl-C)', async () => {
      const login = await start();
      const controller = new AbortController();
      const error = await login
        .waitForKey({ signal: controller.signal, onPoll: () => controller.abort() })
        .catch((e) => e);
      expect(error).toBeInstanceOf(APIUserAbortError);
    });
  });
}
