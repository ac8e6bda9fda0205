/** How long a delivery is retried after its event (issue 16: about a day). */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 4 * 60 * 60 * 1000;

/**
 * The wait before the next attempt after `failures` failed ones: 30 s, doubling, at most
 * 4 h, ±10% so endpoints that come back after an outage are not hit by every delivery at
 * once. With the 24-hour window that is about 15 attempts: ten in the first ~4¼ hours, then
 * one every ~4 hours.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1), MAX_DELAY_MS);
  return Math.round(base * (0.9 + 0.2 * random()));
}
