import type { components, paths } from '../generated/openapi.js';
import { path } from '../internal/path.js';
import type { RequestOptions } from '../internal/transport.js';
import { listPages, type OffsetPagination, type PagePromise } from '../pagination.js';
import { APIResource } from '../resource.js';

/** A webhook as listed and shown: never its signing secret. */
export type Webhook = components['schemas']['Webhook'];
/** A webhook just made or with a rotated secret: `secret` (`whsec_…`) is here only. Store it now. */
export type WebhookWithSecret = components['schemas']['WebhookWithSecret'];
/** An event a webhook can subscribe to, or `*` for all of them. */
export type WebhookEventType = components['schemas']['WebhookEventType'];
export type WebhookCreateParams = components['schemas']['WebhookCreate'];
export type WebhookUpdateParams = components['schemas']['WebhookUpdate'];
export type WebhookRotateSecretParams = components['schemas']['WebhookSecretRotate'];
/** One event sent (or being sent) to a webhook: its state and last answer. */
export type WebhookDelivery = components['schemas']['WebhookDelivery'];
/** A delivery with the body sent and every attempt (`attempts_log`). */
export type WebhookDeliveryDetail = components['schemas']['WebhookDeliveryDetail'];
export type WebhookListParams = NonNullable<
  paths['/api/v1/webhooks']['get']['parameters']['query']
>;
/** `status` (`pending`, `succeeded`, `failed`), `limit`, `offset`. */
export type WebhookDeliveryListParams = NonNullable<
  paths['/api/v1/webhooks/{id}/deliveries']['get']['parameters']['query']
>;

/**
 * `client.webhooks`: the workspace's webhooks and their delivery log (`webhooks:read` /
 * `webhooks:write`). Deliveries are signed per Standard Webhooks with the webhook's secret.
 */
export class Webhooks extends APIResource {
  /** The workspace's webhooks, oldest first. */
  list(
    params: WebhookListParams = {},
    options?: RequestOptions,
  ): PagePromise<Webhook, OffsetPagination> {
    return listPages(this._transport, '/api/v1/webhooks', { ...params }, options);
  }

  /** One webhook by id. */
  async retrieve(id: string, options?: RequestOptions): Promise<Webhook> {
    return this._data({ method: 'GET', path: path`/api/v1/webhooks/${id}` }, options);
  }

  /**
   * Makes a webhook. The result's `secret` is the only time the signing secret is shown.
   *
   * @example
   * const hook = await client.webhooks.create({ url, events: ['api_key.leaked'] });
   * saveSecret(hook.secret);
   */
  async create(params: WebhookCreateParams, options?: RequestOptions): Promise<WebhookWithSecret> {
    return this._data({ method: 'POST', path: '/api/v1/webhooks', json: params }, options);
  }

  /** Changes the URL, description, events, or switches the webhook off (`active: false`). */
  async update(
    id: string,
    params: WebhookUpdateParams,
    options?: RequestOptions,
  ): Promise<Webhook> {
    return this._data(
      { method: 'PATCH', path: path`/api/v1/webhooks/${id}`, json: params },
      options,
    );
  }

  /** Deletes a webhook with its pending deliveries and its log. */
  async delete(id: string, options?: RequestOptions): Promise<Webhook> {
    return this._data({ method: 'DELETE', path: path`/api/v1/webhooks/${id}` }, options);
  }

  /**
   * A new signing secret; the old one keeps signing beside it for `grace_period_seconds`
   * (default a day) so receivers can switch without missing a delivery.
   */
  async rotateSecret(
    id: string,
    params: WebhookRotateSecretParams = {},
    options?: RequestOptions,
  ): Promise<WebhookWithSecret> {
    return this._data(
      { method: 'POST', path: path`/api/v1/webhooks/${id}/rotate-secret`, json: params },
      options,
    );
  }

  /** The webhook's delivery log, newest first. */
  deliveries(
    id: string,
    params: WebhookDeliveryListParams = {},
    options?: RequestOptions,
  ): PagePromise<WebhookDelivery, OffsetPagination> {
    return listPages(
      this._transport,
      path`/api/v1/webhooks/${id}/deliveries`,
      { ...params },
      options,
    );
  }

  /** One delivery: the body sent and every attempt with its status code. */
  async delivery(
    id: string,
    deliveryId: string,
    options?: RequestOptions,
  ): Promise<WebhookDeliveryDetail> {
    return this._data(
      { method: 'GET', path: path`/api/v1/webhooks/${id}/deliveries/${deliveryId}` },
      options,
    );
  }

  /** Sends a delivery again now (same event and `webhook-id`, signed afresh). */
  async redeliver(
    id: string,
    deliveryId: string,
    options?: RequestOptions,
  ): Promise<WebhookDeliveryDetail> {
    return this._data(
      {
        method: 'POST',
        path: path`/api/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver`,
        retryable: false,
      },
      options,
    );
  }
}
