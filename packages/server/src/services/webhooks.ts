import type { KeyType, WebhookEventType } from '@onepin/core';
import {
  countWebhooks,
  deleteWebhook as deleteWebhookRow,
  findDelivery,
  findWebhookById,
  insertWebhook,
  listDeliveries,
  listWebhooks as listWebhookRows,
  requestRedelivery,
  updateWebhook as updateWebhookRow,
  type WebhookChanges,
  type WebhookDeliveryStatus,
  type WebhookRecord,
} from '@onepin/db';
import { ApiError, notFound } from '../api-error.js';
import type { Actor, Principal } from '../auth/principal.js';
import { literalAddress, refusedAddressReason } from '../webhooks/address-policy.js';
import type { SecretBox } from '../webhooks/secret-box.js';
import { newSigningSecret } from '../webhooks/signing.js';
import { recordAudit } from './audit.js';
import { isPlausibleId } from './ids.js';
import { isoNow, nextUpdatedAt, type ServiceDeps } from './service-deps.js';

/** A workspace has at most this many webhooks: every event is offered to each of them. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 20;

/** Default grace of a rotated signing secret: a day for receivers to switch. */
export const DEFAULT_SECRET_GRACE_SECONDS = 24 * 60 * 60;

export interface WebhookServiceDeps extends ServiceDeps {
  webhookSecrets: SecretBox;
  settings: { allowPrivateWebhooks: boolean };
}

/** Which webhooks a caller sees: a key those of its own data set, a session all of them. */
export type WebhookAccess = KeyType | 'all';

export function webhookAccessOf(principal: Principal): WebhookAccess {
  return principal.kind === 'api_key' ? principal.environment : 'all';
}

export interface CreateWebhookInput {
  url: string;
  description?: string | null | undefined;
  events: Array<WebhookEventType | '*'>;
  active?: boolean | undefined;
  environment?: KeyType | undefined;
}

export interface UpdateWebhookInput {
  url?: string | undefined;
  description?: string | null | undefined;
  events?: Array<WebhookEventType | '*'> | undefined;
  active?: boolean | undefined;
}

/** A webhook with its signing secret in plaintext: returned once, by create and rotate. */
export interface WebhookWithSecret {
  record: WebhookRecord;
  secret: string;
}

const invalidUrl = (message: string) =>
  new ApiError('VALIDATION_ERROR', 'The webhook URL cannot be used.', {
    details: [{ field: 'url', message }],
  });

/**
 * Refuses a URL whose host is, as written, a private, loopback or link-local address (or
 * `localhost`), for a quick answer; names are resolved and checked again at every delivery,
 * which is what actually keeps deliveries out of the private network.
 */
function checkTarget(url: string, allowPrivate: boolean): void {
  if (allowPrivate) return;
  const host = new URL(url).hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    throw invalidUrl('must not point at this machine (localhost)');
  }
  const literal = literalAddress(host);
  const reason = literal === null ? null : refusedAddressReason(literal);
  if (reason !== null) {
    throw invalidUrl(`${literal} ${reason}: webhooks are delivered to public addresses only`);
  }
}

/** `["*"]` stays as is; otherwise unique and sorted. */
function normalizeEvents(events: ReadonlyArray<string>): string[] {
  return events.includes('*') ? ['*'] : [...new Set(events)].sort();
}

async function findVisible(
  deps: ServiceDeps,
  workspaceId: string,
  access: WebhookAccess,
  id: string,
): Promise<WebhookRecord> {
  const record = isPlausibleId(id)
    ? await findWebhookById(deps.database.db, workspaceId, id)
    : undefined;
  if (record === undefined || (access !== 'all' && record.environment !== access)) {
    throw notFound('Webhook');
  }
  return record;
}

export function listWebhooks(
  deps: ServiceDeps,
  workspaceId: string,
  access: WebhookAccess,
  page: { limit: number; offset: number },
) {
  return listWebhookRows(deps.database.db, {
    workspaceId,
    ...(access !== 'all' && { environment: access }),
    ...page,
  });
}

export function getWebhook(
  deps: ServiceDeps,
  workspaceId: string,
  access: WebhookAccess,
  id: string,
): Promise<WebhookRecord> {
  return findVisible(deps, workspaceId, access, id);
}

export async function createWebhook(
  deps: WebhookServiceDeps,
  actor: Actor,
  access: WebhookAccess,
  input: CreateWebhookInput,
): Promise<WebhookWithSecret> {
  const environment = input.environment ?? (access === 'all' ? 'live' : access);
  if (access !== 'all' && environment !== access) {
    throw new ApiError(
      'FORBIDDEN',
      `An ${access} key manages ${access} webhooks only; use an ${environment} key or the dashboard.`,
    );
  }
  checkTarget(input.url, deps.settings.allowPrivateWebhooks);
  const now = isoNow(deps);
  const id = deps.newId();
  const secret = newSigningSecret();
  const record: WebhookRecord = {
    id,
    workspace_id: actor.workspaceId,
    environment,
    url: input.url,
    description: input.description ?? null,
    event_types: normalizeEvents(input.events),
    active: input.active ?? true,
    secret_ciphertext: deps.webhookSecrets.seal(secret, id),
    previous_secret_ciphertext: null,
    previous_secret_expires_at: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    if ((await countWebhooks(trx, actor.workspaceId)) >= MAX_WEBHOOKS_PER_WORKSPACE) {
      throw new ApiError(
        'CONFLICT',
        `A workspace has at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks; delete one first.`,
      );
    }
    await insertWebhook(trx, record);
    await recordAudit(trx, { newId: deps.newId, now }, actor, {
      action: 'webhook_created',
      environment,
      target: { type: 'webhook', id },
      metadata: { url: record.url, events: record.event_types },
    });
  });
  return { record, secret };
}

export async function updateWebhook(
  deps: WebhookServiceDeps,
  actor: Actor,
  access: WebhookAccess,
  id: string,
  input: UpdateWebhookInput,
): Promise<WebhookRecord> {
  const current = await findVisible(deps, actor.workspaceId, access, id);
  if (input.url !== undefined) checkTarget(input.url, deps.settings.allowPrivateWebhooks);
  const nowMs = deps.clock.now();
  const changes: WebhookChanges = { updated_at: nextUpdatedAt(current.updated_at, nowMs) };
  if (input.url !== undefined) changes.url = input.url;
  if (input.description !== undefined) changes.description = input.description;
  if (input.events !== undefined) changes.event_types = normalizeEvents(input.events);
  if (input.active !== undefined) changes.active = input.active;
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of ['url', 'description', 'event_types', 'active'] as const) {
    if (field in changes && JSON.stringify(changes[field]) !== JSON.stringify(current[field])) {
      diff[field] = { from: current[field], to: changes[field] };
    }
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await updateWebhookRow(trx, actor.workspaceId, id, changes);
    if (row === undefined) throw notFound('Webhook');
    await recordAudit(trx, { newId: deps.newId, now: changes.updated_at }, actor, {
      action: 'webhook_updated',
      environment: current.environment,
      target: { type: 'webhook', id },
      metadata: { changes: diff },
    });
    return row;
  });
}

/** Deletes a webhook; its pending deliveries and its delivery log go with it. */
export async function deleteWebhook(
  deps: ServiceDeps,
  actor: Actor,
  access: WebhookAccess,
  id: string,
): Promise<WebhookRecord> {
  const current = await findVisible(deps, actor.workspaceId, access, id);
  const now = isoNow(deps);
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await deleteWebhookRow(trx, actor.workspaceId, id))) throw notFound('Webhook');
    await recordAudit(trx, { newId: deps.newId, now }, actor, {
      action: 'webhook_deleted',
      environment: current.environment,
      target: { type: 'webhook', id },
      metadata: { url: current.url },
    });
  });
  return current;
}

/**
 * A new signing secret. The previous one keeps signing beside it for `graceSeconds` (every
 * delivery carries both signatures, as Standard Webhooks allows), so receivers can switch
 * without missing a delivery; 0 drops it at once. A secret still in its grace from an earlier
 * rotation is dropped: two secrets at most.
 */
export async function rotateWebhookSecret(
  deps: WebhookServiceDeps,
  actor: Actor,
  access: WebhookAccess,
  id: string,
  graceSeconds: number,
): Promise<WebhookWithSecret> {
  const current = await findVisible(deps, actor.workspaceId, access, id);
  const nowMs = deps.clock.now();
  const secret = newSigningSecret();
  const changes: WebhookChanges = {
    secret_ciphertext: deps.webhookSecrets.seal(secret, id),
    previous_secret_ciphertext: graceSeconds > 0 ? current.secret_ciphertext : null,
    previous_secret_expires_at:
      graceSeconds > 0 ? new Date(nowMs + graceSeconds * 1000).toISOString() : null,
    updated_at: nextUpdatedAt(current.updated_at, nowMs),
  };
  const record = await deps.database.db.transaction().execute(async (trx) => {
    const row = await updateWebhookRow(trx, actor.workspaceId, id, changes);
    if (row === undefined) throw notFound('Webhook');
    await recordAudit(trx, { newId: deps.newId, now: changes.updated_at }, actor, {
      action: 'webhook_secret_rotated',
      environment: current.environment,
      target: { type: 'webhook', id },
      metadata: {
        grace_period_seconds: graceSeconds,
        previous_secret_expires_at: changes.previous_secret_expires_at,
      },
    });
    return row;
  });
  return { record, secret };
}

export async function listWebhookDeliveries(
  deps: ServiceDeps,
  workspaceId: string,
  access: WebhookAccess,
  id: string,
  query: { status?: WebhookDeliveryStatus | undefined; limit: number; offset: number },
) {
  await findVisible(deps, workspaceId, access, id);
  return listDeliveries(deps.database.db, {
    webhookId: id,
    ...(query.status !== undefined && { status: query.status }),
    limit: query.limit,
    offset: query.offset,
  });
}

export async function getWebhookDelivery(
  deps: ServiceDeps,
  workspaceId: string,
  access: WebhookAccess,
  id: string,
  deliveryId: string,
) {
  await findVisible(deps, workspaceId, access, id);
  const found = isPlausibleId(deliveryId)
    ? await findDelivery(deps.database.db, id, deliveryId)
    : undefined;
  if (found === undefined) throw notFound('Delivery');
  return found;
}

/**
 * Sends a delivery once more, now: the same event, id and body, signed afresh. A delivery
 * still being retried keeps its schedule; a finished one gets this one attempt.
 */
export async function redeliver(
  deps: ServiceDeps,
  actor: Actor,
  access: WebhookAccess,
  id: string,
  deliveryId: string,
) {
  const webhook = await findVisible(deps, actor.workspaceId, access, id);
  if (!webhook.active) {
    throw new ApiError('CONFLICT', 'This webhook is disabled: enable it before redelivering.');
  }
  const found = isPlausibleId(deliveryId)
    ? await findDelivery(deps.database.db, id, deliveryId)
    : undefined;
  if (found === undefined) throw notFound('Delivery');
  const now = isoNow(deps);
  await deps.database.db.transaction().execute(async (trx) => {
    await requestRedelivery(trx, deliveryId, now);
    await recordAudit(trx, { newId: deps.newId, now }, actor, {
      action: 'webhook_redelivered',
      environment: webhook.environment,
      target: { type: 'webhook', id },
      metadata: { delivery_id: deliveryId, event_id: found.delivery.event_id },
    });
  });
  deps.outbox?.wake();
  const after = await findDelivery(deps.database.db, id, deliveryId);
  if (after === undefined) throw notFound('Delivery');
  return after;
}
