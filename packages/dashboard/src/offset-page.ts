import { useCallback, useEffect, useState } from 'react';
import type { OffsetPagination } from './api.js';
import { useApi } from './session.js';

/**
 * One page of an offset-paginated list (`GET {path}` with `limit` and `offset` added): loaded
 * again when `path` changes, when the pager moves, and on `reload()` after a change. `previous`
 * and `next` are `null` at either end, ready for the `Pager`.
 */
export function useOffsetPage<T>(path: string, pageSize: number) {
  const api = useApi();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: T[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` re-runs the load after a change.
  useEffect(() => {
    let current = true;
    const query = `${path.includes('?') ? '&' : '?'}limit=${pageSize}&offset=${offset}`;
    api<T[], OffsetPagination>('GET', `${path}${query}`)
      .then(({ data, pagination }) => {
        if (!current) return;
        setPage({ items: data, total: pagination.total });
        setError(null);
      })
      .catch((caught) => current && setError(caught));
    return () => {
      current = false;
    };
  }, [api, path, pageSize, offset, version]);

  return {
    page,
    offset,
    /** Why the last load failed, or `null`. */
    error,
    reload,
    /** Back to the first page, e.g. when a filter changes. */
    rewind: () => setOffset(0),
    previous: offset > 0 ? () => setOffset(Math.max(0, offset - pageSize)) : null,
    next: page && offset + pageSize < page.total ? () => setOffset(offset + pageSize) : null,
  };
}
