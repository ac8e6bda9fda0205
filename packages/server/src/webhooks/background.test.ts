import { sqliteDialect } from '@onepin/db/test-support';
import { describe, expect } from 'vitest';
import { FakeClock } from '../test-support/fake-clock.js';
import { worldPerSuite } from '../test-support/world.js';
import { WebhookBackground } from './background.js';
import type { DeliveryWorker } from './delivery-worker.js';

describe('the background work of a node', () => {
  const clock = new FakeClock();
  const suite = worldPerSuite(sqliteDialect, { clock });

  suite.run('announces expiries every 15 s, and sends deliveries on every pass', async () => {
    const { world } = suite;
    let passes = 0;
    const worker = {
      deliverDue: async () => {
        passes++;
        return 0;
      },
    } as unknown as DeliveryWorker;
    const background = new WebhookBackground({
      worker,
      deps: world.deps,
      logger: world.deps.logger,
      leaseMs: 30_000,
    });
    const workspace = await world.createWorkspace();
    const expiring = async () =>
      world.createKey(workspace, { expiresAt: new Date(clock.now() + 1_000).toISOString() });
    const marks = async () =>
      (
        await world.database.handle.db
          .selectFrom('api_key_event_marks')
          .select('api_key_id')
          .where('kind', '=', 'expired')
          .execute()
      ).length;

    await expiring();
    clock.advance(2_000);
    await background.runOnce();
    expect(await marks()).toBe(1);
    await expiring();
    clock.advance(2_000);
    await background.runOnce();
    expect(await marks()).toBe(1);
    clock.advance(13_000);
    await background.runOnce();
    expect(await marks()).toBe(2);
    expect(passes).toBe(3);
  });
});
