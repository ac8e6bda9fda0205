import type { KeyType, Role, ScopeCatalogue, WebhookEventType } from '@onepin/core';
import {
  type ApiKeyRecord,
  type Database,
  findSubscribedWebhooks,
  insertWebhookEvent,
  type Kysely,
} from '@onepin/db';
import type { Actor } from '../auth/principal.js';
import { toApiKeyOut } from '../schemas/api-key.js';
import { RETRY_WINDOW_MS } from '../webhooks/retry-schedule.js';

/** What writing an event needs: ids, and the time of the change. */
export interface OutboxDeps {
  newId: () => string;
  /** ISO time of the change. */
  now: string;
}

/** What a key event needs besides: the catalogue, to mark a key's unknown scopes. */
export interface KeyEventDeps extends OutboxDeps {
  scopes: ScopeCatalogue;
}

/** Wakes this node's delivery worker once a transaction with events has committed. */
export interface OutboxSignal {
  wake(): void;
}

/**
 * Writes an event to the outbox inside the caller's transaction (`trx`), with one delivery
 * per active webhook of the workspace's data set subscribed to it: the event commits with the
 * change it reports, or not at all, and a worker delivers it afterwards (surviving crashes and
 * restarts). Nothing is written when no webhook listens. Returns the number of deliveries.
 */
export async function enqueueWebhookEvent(
  trx: Kysely<Database>,
  deps: OutboxDeps,
  event: {
    type: WebhookEventType;
    workspaceId: string;
    environment: KeyType;
    data: Record<string, unknown>;
  },
): Promise<number> {
  const hooks = await findSubscribedWebhooks(trx, {
    workspaceId: event.workspaceId,
    environment: event.environment,
    type: event.type,
  });
  if (hooks.length === 0) return 0;
  const id = deps.newId();
  const retryUntil = new Date(Date.parse(deps.now) + RETRY_WINDOW_MS).toISOString();
  const payload = {
    type: event.type,
    timestamp: deps.now,
    data: { workspace_id: event.workspaceId, environment: event.environment, ...event.data },
  };
  await insertWebhookEvent(
    trx,
    {
      id,
      workspace_id: event.workspaceId,
      environment: event.environment,
      type: event.type,
      payload: JSON.stringify(payload),
      created_at: deps.now,
    },
    hooks.map((hook) => ({
      id: deps.newId(),
      event_id: id,
      webhook_id: hook.id,
      workspace_id: event.workspaceId,
      status: 'pending',
      attempts: 0,
      next_attempt_at: deps.now,
      retry_until: retryUntil,
      lease_expires_at: null,
      leased_by: null,
      redelivery_requested_at: null,
      last_status_code: null,
      last_error: null,
      created_at: deps.now,
      updated_at: deps.now,
      delivered_at: null,
    })),
  );
  return hooks.length;
}

/** Who did it, as a payload shows it. */
function actorOut(actor: Actor | null) {
  return actor === null ? null : { type: actor.type, id: actor.id, name: actor.name };
}

/** An `api_key.*` event about `key` (its wire form, never its secret). */
export function enqueueKeyEvent(
  trx: Kysely<Database>,
  deps: KeyEventDeps,
  type: Extract<WebhookEventType, `api_key.${string}`>,
  key: ApiKeyRecord,
  actor: Actor | null,
  extra: Record<string, unknown> = {},
): Promise<number> {
  return enqueueWebhookEvent(trx, deps, {
    type,
    workspaceId: key.workspace_id,
    environment: key.key_type,
    data: {
      api_key: toApiKeyOut(key, deps.scopes, Date.parse(deps.now)),
      actor: actorOut(actor),
      ...extra,
    },
  });
}

/** A `member.*` event: members belong to the workspace, so to its live data set. */
export function enqueueMemberEvent(
  trx: Kysely<Database>,
  deps: OutboxDeps,
  type: Extract<WebhookEventType, `member.${string}`>,
  workspaceId: string,
  member: { user_id: string; email: string; role: Role },
  actor: Actor | null,
  extra: Record<string, unknown> = {},
): Promise<number> {
  return enqueueWebhookEvent(trx, deps, {
    type,
    workspaceId,
    environment: 'live',
    data: { member, actor: actorOut(actor), ...extra },
  });
}
