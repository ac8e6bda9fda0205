import { afterAll, beforeAll, expect, it } from 'vitest';
import { stopAllServers } from './helpers/server-process.js';
import {
  type ServiceProcess,
  startService,
  startVerifyWorld,
  type VerifyWorld,
} from './helpers/verify-world.js';

// A revocation made through the OnePin API reaches a verifier in another process (an Express
// service using @onepin/verify/express) through the events stream: the figure is printed,
// and must stay within the 1 s promise.

let world: VerifyWorld;
let service: ServiceProcess | undefined;
let serviceUrl: string;

beforeAll(async () => {
  world = await startVerifyWorld('verify-revocation');
  const started = await startService(
    'e2e/helpers/verify-service.ts',
    { ONEPIN_URL: world.server.url, ONEPIN_SERVICE_TOKEN: world.serviceToken },
    /service listening on (http:\/\/\S+)/,
  );
  service = started.service;
  serviceUrl = started.match;
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await world?.dispose();
  await stopAllServers();
});

const call = (key: string) =>
  fetch(`${serviceUrl}/reports`, { headers: { authorization: `Bearer ${key}` } });

it('a key revoked through the API is refused by the remote verifier within 1 s', async () => {
  const key = await world.createKey(['workflows:read']);
  const first = await call(key.plaintext);
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ workspace: world.workspaceName });
  // Served from the verifier's memory from now on.
  expect((await call(key.plaintext)).status).toBe(200);

  const revokedAt = performance.now();
  await world.revoke(key.id);
  let status = 200;
  while (status === 200 && performance.now() - revokedAt < 5000) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    status = (await call(key.plaintext)).status;
  }
  const elapsed = Math.round(performance.now() - revokedAt);
  console.log(`revocation reached the remote verifier in ${elapsed} ms`);
  expect(status).toBe(401);
  expect(elapsed).toBeLessThanOrEqual(1000);
  expect(service?.output()).not.toContain(key.plaintext);
}, 30_000);
