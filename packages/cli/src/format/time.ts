import { relativeTime } from '@onepin/sdk/format';

/** Rounded durations and relative times are shared with the dashboard (`@onepin/sdk/format`). */
export { formatDuration, relativeTime } from '@onepin/sdk/format';

const DAY = 86_400_000;

/**
 * A time for a table cell: relative on a TTY (with `missing` for null), the RFC 3339 value
 * when piped (empty for null), as gh does.
 */
export function timeCell(
  iso: string | null | undefined,
  tty: boolean,
  now: number,
  missing = '',
): string {
  if (!iso) return tty ? missing : '';
  return tty ? relativeTime(iso, now) : iso;
}

/** Whole days between a time and now. */
export function daysSince(iso: string, now: number): number {
  return Math.floor((now - Date.parse(iso)) / DAY);
}

/** A time for a `show` field: `ISO (3 days ago)` on a TTY, the ISO value when piped. */
export function timeField(
  iso: string | null | undefined,
  tty: boolean,
  now: number,
  missing = '',
): string {
  if (!iso) return tty ? missing : '';
  return tty ? `${iso} (${relativeTime(iso, now)})` : iso;
}
