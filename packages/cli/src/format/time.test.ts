import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes.js';
import { daysSince, formatDuration, relativeTime, timeCell, timeField } from './time.js';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('times', () => {
  it.each([
    [0, '0 seconds'],
    [1000, '1 second'],
    [59_999, '59 seconds'],
    [60_000, '1 minute'],
    [3 * 3_600_000, '3 hours'],
    [86_400_000, '1 day'],
    [120 * 86_400_000, '120 days'],
  ])('formatDuration(%i) is %j', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('says how long ago or how soon', () => {
    expect(relativeTime(at(-5000), NOW)).toBe('just now');
    expect(relativeTime(at(-3 * 86_400_000), NOW)).toBe('3 days ago');
    expect(relativeTime(at(2 * 3_600_000), NOW)).toBe('in 2 hours');
    expect(relativeTime('not a time', NOW)).toBe('not a time');
  });

  it('shows relative times on a terminal and the RFC 3339 value when piped', () => {
    expect(timeCell(at(-60_000), true, NOW)).toBe('1 minute ago');
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

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [5_000, '5.0 kB'],
    [52_428_800, '52.4 MB'],
    [3e9, '3.0 GB'],
  ])('%i bytes is %j', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
