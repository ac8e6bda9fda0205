import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/** `meta` of every envelope (SPEC §5). */
export function meta(c: Context<AppEnv>, now: number) {
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
