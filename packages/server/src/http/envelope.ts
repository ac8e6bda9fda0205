import type { Context } from 'hono';
import type { Clock } from '../deps.js';
import type { AppEnv } from './app-env.js';

/** `meta` of every envelope (SPEC §5). */
export interface Meta {
  request_id: string;
  timestamp: string;
}

export function meta(c: Context<AppEnv>, now: number): Meta {
  return { request_id: c.get('requestId'), timestamp: new Date(now).toISOString() };
}

export interface OffsetPagination {
  limit: number;
  offset: number;
  total: number;
  next: string | null;
  prev: string | null;
}

/** Builds offset pagination with `next`/`prev` links that keep the request's other parameters. */
export function offsetPagination(
  requestUrl: string,
  page: { limit: number; offset: number; total: number },
): OffsetPagination {
  const link = (offset: number) => {
    const url = new URL(requestUrl);
    url.searchParams.set('offset', String(offset));
    url.searchParams.set('limit', String(page.limit));
    return `${url.pathname}${url.search}`;
  };
  const { limit, offset, total } = page;
  return {
    limit,
    offset,
    total,
    next: offset + limit < total ? link(offset + limit) : null,
    prev: offset > 0 ? link(Math.max(0, offset - limit)) : null,
  };
}

/** The success envelope of one object (SPEC §5): `{ data, meta }`. */
export function dataEnvelope<T>(
  c: Context<AppEnv>,
  clock: Clock,
  data: T,
): { data: T; meta: Meta } {
  return { data, meta: meta(c, clock.now()) };
}

/** The envelope of one page of an offset-paginated list: `{ data, pagination, meta }`. */
export function pageEnvelope<T>(
  c: Context<AppEnv>,
  clock: Clock,
  items: T[],
  page: { limit: number; offset: number; total: number },
): { data: T[]; pagination: OffsetPagination; meta: Meta } {
  return { data: items, pagination: offsetPagination(c.req.url, page), meta: meta(c, clock.now()) };
}
