const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in the largest unit that fits: "45 seconds", "3 hours", "120 days". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const [amount, unit] =
    abs < MINUTE
      ? [Math.floor(abs / 1000), 'second']
      : abs < HOUR
        ? [Math.floor(abs / MINUTE), 'minute']
        : abs < DAY
          ? [Math.floor(abs / HOUR), 'hour']
          : [Math.floor(abs / DAY), 'day'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** "3 days ago", "in 2 hours", "just now". */
export function relativeTime(iso: string, now: number): string {
  const delta = Date.parse(iso) - now;
  if (Number.isNaN(delta)) return iso;
  if (Math.abs(delta) < 10_000) return 'just now';
  return delta < 0 ? `${formatDuration(delta)} ago` : `in ${formatDuration(delta)}`;
}

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
