/**
 * How long to wait before reconnection attempt `attempt` (0-based): doubling from `baseMs`
 * up to `maxMs`, with jitter so that nodes which lost the same server do not come back in step.
 */
export function backoffDelay(attempt: number, baseMs = 100, maxMs = 5_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
