import { keyStatus, keyStatusLabel, relativeTime } from '@onepin/sdk/format';
import type { ApiKey } from './api.js';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp for people, in their own time zone; `fallback` when there is none. */
export function formatTime(iso: string | null, fallback = '—'): string {
  return iso === null ? fallback : dateTime.format(new Date(iso));
}

/** "3 days ago", "less than a minute ago": how recent a time is (the CLI says the same). */
export function formatAgo(iso: string | null, fallback: string, now = Date.now()): string {
  return iso === null ? fallback : relativeTime(iso, now);
}

/**
 * A key's status for the table: its state (for the colour) and the words, with the time it
 * stops or stopped working — "Rotated — stops working at 2 Jun 2026, 12:00" — from the
 * formatter the CLI uses.
 */
export function keyStatusText(
  key: Pick<ApiKey, 'active' | 'revoked_at' | 'expires_at' | 'replaced_by'>,
  now = Date.now(),
) {
  const status = keyStatus(key, now);
  return { ...status, label: keyStatusLabel(status, (iso) => `at ${formatTime(iso)}`) };
}
