/** Whether `timeZone` is an IANA time zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date and clock time an instant shows in `timeZone`. */
function wallClock(instantMs: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instantMs);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    asUtcMs: Date.UTC(
      part('year'),
      part('month') - 1,
      part('day'),
      part('hour'),
      part('minute'),
      part('second'),
    ),
  };
}

/** How far `timeZone` is ahead of UTC at an instant, in ms (whole seconds). */
function offsetMs(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallClock(whole, timeZone).asUtcMs - whole;
}

/**
 * The first instant of a rolling range of `days` calendar days that ends with today, as the
 * days go in `timeZone` (`30d` on the 30th of a month starts at local midnight of the 1st).
 */
export function rangeStart(nowMs: number, days: number, timeZone: string): string {
  const today = wallClock(nowMs, timeZone);
  const midnightAsUtc = Date.UTC(today.year, today.month - 1, today.day - (days - 1));
  // Local midnight is UTC midnight minus the offset; the offset is read at that instant
  // (twice, in case a daylight-saving change lies between the two).
  let start = midnightAsUtc - offsetMs(midnightAsUtc, timeZone);
  start = midnightAsUtc - offsetMs(start, timeZone);
  return new Date(start).toISOString();
}
