import { describeActivity, describeActor } from '@onepin/sdk/format';
import { useEffect, useState } from 'react';
import type { ActivityEvent, CursorPagination } from '../api.js';
import { ErrorNotice } from '../components/notice.js';
import { Pager } from '../components/pager.js';
import { formatAgo, formatTime } from '../format.js';
import { useApi } from '../session.js';

const PAGE_SIZE = 25;

/** One line saying what happened: the sentence the CLI prints too (`@onepin/sdk/format`). */
export function describeEvent(event: ActivityEvent): string {
  return describeActivity(event, formatTime);
}

/** The audit log: who did what to which key, and when; newest first, a page at a time. */
export function ActivityPage() {
  const api = useApi();
  // The cursors of the pages seen so far, so “Previous” can go back.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState<{ events: ActivityEvent[]; next: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const cursor = cursors.at(-1) ?? null;

  useEffect(() => {
    let current = true;
    const query = `limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    api<ActivityEvent[], CursorPagination>('GET', `/api/v1/activity?${query}`)
      .then(({ data, pagination }) => current && setPage({ events: data, next: pagination.cursor }))
      .catch((caught) => current && setError(caught));
    return () => {
      current = false;
    };
  }, [api, cursor]);

  return (
    <section aria-labelledby="activity-title" className="page">
      <h1 id="activity-title">Activity</h1>
      <p className="intro">Everything that changed in this workspace, newest first.</p>
      <ErrorNotice error={error} />
      {page && page.events.length === 0 && <p className="empty">Nothing has happened yet.</p>}
      {page && page.events.length > 0 && (
        <div className="table-wrap">
          <table className="cards-on-phone">
            <caption className="visually-hidden">Audit log</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Data</th>
              </tr>
            </thead>
            <tbody>
              {page.events.map((event) => (
                <tr key={event.id}>
                  <td data-label="When">
                    <time dateTime={event.created_at} title={formatAgo(event.created_at, '')}>
                      {formatTime(event.created_at)}
                    </time>
                  </td>
                  <td data-label="Who">{describeActor(event.actor)}</td>
                  <td data-label="What" className="sentence">
                    {describeEvent(event)}
                  </td>
                  <td data-label="Data">
                    <span className={`badge badge-${event.environment}`}>{event.environment}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && (
        <Pager
          label="Activity pages"
          onPrevious={cursors.length > 1 ? () => setCursors(cursors.slice(0, -1)) : null}
          onNext={page.next ? () => setCursors([...cursors, page.next]) : null}
        />
      )}
    </section>
  );
}
