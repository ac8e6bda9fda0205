import { insertWebhook, listDeliveries, type WebhookRecord } from '@onepin/db';
import { processReportedRevocations } from '../services/key-event-sweeps.js';
import { DeliveryWorker } from '../webhooks/delivery-worker.js';
import { HttpWebhookSender, type WebhookSender } from '../webhooks/http-sender.js';
import type { TestWorkspace, TestWorld } from './world.js';

/**
 * A webhook in the workspace, written straight to the database (no per-workspace limit, so
 * suites may make as many as they like), subscribed to every event unless told otherwise.
 */
export async function seedWebhook(
  world: TestWorld,
  workspace: TestWorkspace,
  options: Partial<Pick<WebhookRecord, 'url' | 'event_types' | 'active' | 'environment'>> & {
    secret?: string;
  } = {},
): Promise<WebhookRecord> {
  const id = world.deps.newId();
  const now = new Date(world.clock.now()).toISOString();
  const record: WebhookRecord = {
    id,
    workspace_id: workspace.id,
    environment: options.environment ?? 'live',
    url: options.url ?? 'https://hooks.example.com/onepin',
    description: null,
    event_types: options.event_types ?? ['*'],
    active: options.active ?? true,
    secret_ciphertext: world.deps.webhookSecrets.seal(
      options.secret ?? `whsec_${Buffer.from(id).toString('base64')}`,
      id,
    ),
    previous_secret_ciphertext: null,
    previous_secret_expires_at: null,
    created_by: workspace.userId,
    created_at: now,
    updated_at: now,
  };
  await insertWebhook(world.database.handle.db, record);
  return record;
}

/** A webhook with one delivery (of `api_key.created`, for a key made for it). */
export async function seedDelivery(
  world: TestWorld,
  workspace: TestWorkspace,
): Promise<{ webhookId: string; deliveryId: string }> {
  const webhook = await seedWebhook(world, workspace, { event_types: ['api_key.created'] });
  await world.createKey(workspace, { name: 'delivery seed' });
  const { items } = await listDeliveries(world.database.handle.db, {
    webhookId: webhook.id,
    limit: 1,
    offset: 0,
  });
  const delivery = items[0];
  if (delivery === undefined) throw new Error('the seeded webhook got no delivery');
  return { webhookId: webhook.id, deliveryId: delivery.id };
}

/** A delivery worker on the world's database, sending for real (to local receivers). */
export function deliveryWorkerFor(
  world: TestWorld,
  options: { nodeId?: string; sender?: WebhookSender; random?: () => number } = {},
): DeliveryWorker {
  return new DeliveryWorker({
    database: world.database.handle,
    clock: world.clock,
    newId: world.deps.newId,
    logger: world.deps.logger,
    sender: options.sender ?? new HttpWebhookSender({ allowPrivate: true, timeoutMs: 5_000 }),
    secrets: world.deps.webhookSecrets,
    nodeId: options.nodeId ?? 'test-node',
    leaseMs: 30_000,
    random: options.random ?? (() => 0.5),
  });
}

/** Everything a node's background work would do now: reported keys, then due deliveries. */
export async function drainEvents(world: TestWorld, worker: DeliveryWorker): Promise<void> {
  await world.deps.rateLimitEvents.settled();
  while ((await processReportedRevocations(world.deps, 30_000)) > 0) {}
  while ((await worker.deliverDue()) > 0) {}
}
