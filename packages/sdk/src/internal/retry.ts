/** Methods whose repetition has the same effect as one call, so a retry is always safe. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'PUT',
  'DELETE',
  'OPTIONS',
]);

/** The longest server-requested wait we sit through; beyond it the error goes to the caller. */
export const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/** Whether repeating a request of this method is always safe. */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Statuses worth another try: 408 and 429 (try later), 5xx (the server failed). Our 409 is a
 * real conflict (a taken name, a revoked key), not a lock timeout, so it is never retried.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * How long the server asks us to wait: `retry-after-ms` (milliseconds), else `Retry-After`
 * in seconds or as an HTTP date. `null` when neither is present or parseable.
 */
export function retryAfterMs(headers: Headers, now: number): number | null {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Number(ms);
  const value = headers.get('retry-after');
  if (value === null) return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month (`Wed, 21 Oct 2015 07:28:00 GMT`).
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * The wait before retry number `retry` (0 for the first retry): exponential backoff of
 * 0.5 s × 2ⁿ capped at 8 s, minus up to 25 % jitter so clients that failed together do not
 * come back together. `random` returns a number in [0, 1).
 */
export function backoffDelayMs(retry: number, random: () => number): number {
  const base = Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_DELAY_MS);
  return base * (1 - random() * 0.25);
}
