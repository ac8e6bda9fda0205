import { readFileSync } from 'node:fs';

/** The whole machine's busy CPU time so far, in seconds (all cores, from /proc/stat), or `null`
 * where there is no /proc/stat. */
export function machineBusySeconds(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8')
      .split('\n', 1)[0]
      ?.trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    if (!fields || fields.length < 5) return null;
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    // /proc/stat counts in USER_HZ ticks, 100 a second on Linux.
    return (total - idle) / 100;
  } catch {
    return null;
  }
}
