const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.4375 * DAY;
const YEAR = 365.25 * DAY;

const plural = (amount: number, unit: string) => `${amount} ${unit}${amount === 1 ? '' : 's'}`;

/**
 * A duration as a person says it, rounded to the nearest unit that reads naturally (the
 * thresholds of Moment and Day.js): "less than a minute", "5 minutes", "1 hour", "3 days",
 * "2 months". A grace period of 3 days that has run for a few seconds is still "3 days".
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 45 * SECOND) return 'less than a minute';
  if (abs < 90 * SECOND) return '1 minute';
  if (abs < 45 * MINUTE) return plural(Math.round(abs / MINUTE), 'minute');
  if (abs < 90 * MINUTE) return '1 hour';
  if (abs < 22 * HOUR) return plural(Math.round(abs / HOUR), 'hour');
  if (abs < 36 * HOUR) return '1 day';
  if (abs < 26 * DAY) return plural(Math.round(abs / DAY), 'day');
  if (abs < 45 * DAY) return '1 month';
  if (abs < 320 * DAY) return plural(Math.round(abs / MONTH), 'month');
  if (abs < 548 * DAY) return '1 year';
  return plural(Math.round(abs / YEAR), 'year');
}

/**
 * "3 days ago", "in 2 hours", "less than a minute ago". A time that is not a time is
 * returned as given, so a surprise from the server is shown rather than hidden.
 */
export function relativeTime(iso: string, nowMs: number): string {
  const delta = Date.parse(iso) - nowMs;
  if (Number.isNaN(delta)) return iso;
  const duration = formatDuration(delta);
  return delta > 0 ? `in ${duration}` : `${duration} ago`;
}
