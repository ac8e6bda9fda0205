import { describe, expect, it } from 'vitest';
import { daysSince, timeCell, timeField } from './time.js';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('times in the CLI', () => {
  it('shows relative times on a terminal and the RFC 3339 value when piped', () => {
    expect(timeCell(at(-60_000), true, NOW)).toBe('1 minute ago');
    expect(timeCell(at(-5_000), true, NOW)).toBe('less than a minute ago');
    expect(timeCell(at(-60_000), false, NOW)).toBe('2026-06-01T11:59:00.000Z');
    expect(timeCell(null, true, NOW, 'never')).toBe('never');
    expect(timeCell(null, false, NOW, 'never')).toBe('');
    expect(timeField(at(-60_000), true, NOW)).toBe('2026-06-01T11:59:00.000Z (1 minute ago)');
  });

  it('counts whole days', () => {
    expect(daysSince(at(-90.9 * 86_400_000), NOW)).toBe(90);
    expect(daysSince(at(-91 * 86_400_000), NOW)).toBe(91);
  });
});
