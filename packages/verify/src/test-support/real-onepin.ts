import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { TestDialect } from '@onepin/db/test-support';
import { createTestWorld, type TestWorld } from '@onepin/server/test-support';
// Tests only: the verifier package never imports the server (ARCHITECTURE.md).
import { createServiceToken } from '../../../server/src/services/service-tokens.js';
import { FakeClock } from '../../../server/src/test-support/fake-clock.js';

/** The real OnePin app (the server's test world) listening on 127.0.0.1 and a free port. */
export interface RealOnePin {
  world: TestWorld;
  url: string;
  serviceToken: string;
  stop(): Promise<void>;
}

export async function startRealOnePin(dialect: TestDialect): Promise<RealOnePin> {
  // The world's clock starts at the real time, so rate-limit windows and expiries agree with
  // the verifier's (which is given the same clock).
  const world = await createTestWorld(dialect, { clock: new FakeClock(Date.now()) });
  const { token } = await createServiceToken(world.deps, { name: 'verify tests', createdBy: null });
  const server = serve({ fetch: world.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    world,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serviceToken: token,
    async stop() {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await world.dispose();
    },
  };
}
