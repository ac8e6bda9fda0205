const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp for people, in their own time zone; `fallback` when there is none. */
export function formatTime(iso: string | null, fallback = '—'): string {
  return iso === null ? fallback : dateTime.format(new Date(iso));
}

/** What state a key is in right now, for the table's status column. */
export function keyStatus(key: {
  active: boolean;
  revoked_at: string | null;
  expires_at: string | null;
}): 'active' | 'revoked' | 'expired' {
  if (key.revoked_at !== null) return 'revoked';
  if (key.expires_at !== null && Date.parse(key.expires_at) <= Date.now()) return 'expired';
  return key.active ? 'active' : 'revoked';
}
