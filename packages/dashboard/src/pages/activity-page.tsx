import { useEffect, useState } from 'react';
import type { ActivityEvent, CursorPagination } from '../api.js';
import { ErrorNotice } from '../components/notice.js';
import { Pager } from '../components/pager.js';
import { formatTime } from '../format.js';
import { useApi } from '../session.js';

const PAGE_SIZE = 25;

const quoted = (value: unknown) => (typeof value === 'string' ? `“${value}”` : '');

/** What a member's removal did with their keys (the choice is part of the record). */
function describeRemovedKeys(m: Record<string, unknown>): string {
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  const revoked = count(m.revoked_keys);
  const kept = count(m.kept_keys);
  const keys = (n: number) => (n === 1 ? '1 key' : `${n} keys`);
  if (revoked > 0) return ` and revoked their ${keys(revoked)}`;
  if (kept > 0) return `, keeping their ${keys(kept)} working`;
  return '';
}

/** One line saying what happened, from the event's type and metadata (never secrets). */
export function describeEvent(event: ActivityEvent): string {
  const m = event.metadata;
  switch (event.type) {
    case 'api_key_created':
      return `Created API key ${quoted(m.name)}`;
    case 'api_key_updated':
      return `Changed API key ${quoted(m.name)}`;
    case 'api_key_rotated':
      return `Rotated API key ${quoted(m.name)}${typeof m.old_key_ends_at === 'string' ? `; the old key ends ${formatTime(m.old_key_ends_at)}` : ''}`;
    case 'api_key_revoked':
      return `Revoked API key ${quoted(m.name)}${m.reason === 'member_removed' ? ' (its maker was removed)' : ''}`;
    case 'member_added':
      return `Added ${m.email} as ${m.role}`;
    case 'member_invited':
      return `Invited ${m.email} as ${m.role}`;
    case 'member_invitation_cancelled':
      return `Cancelled the invitation for ${m.email}`;
    case 'member_joined':
      return `Joined as ${m.role}${typeof m.invited_by === 'string' ? `, invited by ${m.invited_by}` : ''}`;
    case 'member_password_set':
      return 'Set a password with a one-time link';
    case 'member_removed':
      return `Removed ${m.email}${describeRemovedKeys(m)}`;
    case 'member_role_changed':
      return `Changed ${m.email}’s role from ${m.from} to ${m.to}`;
    case 'member_login':
      return 'Signed in';
    case 'workspace_created':
      return `Created the workspace ${quoted(m.name)}`;
    default: {
      const text = event.type.replaceAll('_', ' ');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}${m.name ? ` ${quoted(m.name)}` : ''}`;
    }
  }
}

function actorLabel(actor: ActivityEvent['actor']): string {
  if (actor.type === 'system') return 'OnePin (admin command)';
  const name = actor.name ?? actor.id ?? 'unknown';
  return actor.type === 'api_key' ? `API key “${name}”` : name;
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
    <section aria-labelledby="activity-title">
      <h1 id="activity-title">Activity</h1>
      <p className="intro">Everything that changed in this workspace, newest first.</p>
      <ErrorNotice error={error} />
      {page && page.events.length === 0 && <p className="empty">Nothing has happened yet.</p>}
      {page && page.events.length > 0 && (
        <div className="table-wrap">
          <table>
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
                  <td>
                    <time dateTime={event.created_at}>{formatTime(event.created_at)}</time>
                  </td>
                  <td>{actorLabel(event.actor)}</td>
                  <td>{describeEvent(event)}</td>
                  <td>
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
