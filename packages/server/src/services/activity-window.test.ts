import { describe, expect, it } from 'vitest';
import { isTimeZone, rangeStart } from './activity-window.js';

describe('activity range windows', () => {
  it.each([
    ['UTC', true],
    ['Europe/Paris', true],
    ['Asia/Seoul', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('knows whether %j is a time zone (%s)', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });

  it('starts a 30-day range at local midnight 29 days before today', () => {
    const now = Date.parse('2027-01-30T15:00:00.000Z');
    expect(rangeStart(now, 30, 'UTC')).toBe('2027-01-01T00:00:00.000Z');
    // Seoul (UTC+9) is already on 31 January, so its range starts at its 2 January.
    expect(rangeStart(now, 30, 'Asia/Seoul')).toBe('2027-01-01T15:00:00.000Z');
  });

  it('uses the local date, which may differ from the UTC date', () => {
    // 23:30 UTC on 31 January is already 1 February in Seoul.
    const now = Date.parse('2027-01-31T23:30:00.000Z');
    expect(rangeStart(now, 1, 'Asia/Seoul')).toBe('2027-01-31T15:00:00.000Z');
    expect(rangeStart(now, 1, 'America/New_York')).toBe('2027-01-31T05:00:00.000Z');
  });

  it('finds local midnight across a daylight-saving change', () => {
    // Paris moves from UTC+1 to UTC+2 on 28 March 2027; 1 March is still winter time.
    const now = Date.parse('2027-03-30T12:00:00.000Z');
    expect(rangeStart(now, 30, 'Europe/Paris')).toBe('2027-02-28T23:00:00.000Z');
    expect(rangeStart(now, 1, 'Europe/Paris')).toBe('2027-03-29T22:00:00.000Z');
  });
});
