import type { components, paths } from '../generated/openapi.js';
import type { RequestOptions } from '../internal/transport.js';
import { type CursorPagination, listPages, type PagePromise } from '../pagination.js';
import { APIResource } from '../resource.js';

/** One audit event: what happened, to what, by whom, and when. */
export type ActivityEvent = components['schemas']['ActivityEvent'];
/** `limit` (1–100, default 20) and the `cursor` of a previous page. */
export type ActivityListParams = NonNullable<
  paths['/api/v1/activity']['get']['parameters']['query']
>;

/** `client.activity`: the workspace's audit log. */
export class Activity extends APIResource {
  /**
   * Audit events, newest first (`workspace:read`). A key sees its own environment's events.
   *
   * @example for await (const event of client.activity.list()) console.log(event.type);
   */
  list(
    params: ActivityListParams = {},
    options?: RequestOptions,
  ): PagePromise<ActivityEvent, CursorPagination> {
    return listPages(this._transport, '/api/v1/activity', { ...params }, options);
  }
}
