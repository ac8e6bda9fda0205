import { SCOPES } from '@onepin/core';
import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  parseDateTime,
  parseGrace,
  parseLimit,
  parseOffset,
  parseRateLimit,
  parseScopes,
} from './parsers.js';

describe('option parsers', () => {
  it.each([
    ['1', 1],
    ['100', 100],
    [' 42 ', 42],
  ])('--limit accepts %j', (value, expected) => expect(parseLimit(value)).toBe(expected));

  it.each(['0', '101', '-1', '1.5', '1e2', '', 'ten', '0x10'])('--limit refuses %j', (value) => {
    expect(() => parseLimit(value)).toThrow(InvalidArgumentError);
    expect(() => parseLimit(value)).toThrow('Expected a whole number from 1 to 100.');
  });

  it('--offset accepts 0 and up; --rate-limit 1 and up', () => {
    expect(parseOffset('0')).toBe(0);
    expect(() => parseOffset('-5')).toThrow('Expected a whole number ≥ 0.');
    expect(parseRateLimit('600')).toBe(600);
    expect(() => parseRateLimit('0')).toThrow('Expected a whole number ≥ 1.');
    expect(() => parseRateLimit('99999999999999999999')).toThrow(InvalidArgumentError);
  });

  it('--scopes splits on commas and spaces, sorts, drops duplicates; empty means none', () => {
    expect(parseScopes('workspace:read, api_keys:read,workspace:read')).toEqual([
      'api_keys:read',
      'workspace:read',
    ]);
    expect(parseScopes('')).toEqual([]);
  });

  it('--scopes names every unknown scope and lists the valid ones', () => {
    expect(() => parseScopes('workflows:read,admin,root')).toThrow(
      `Unknown scopes "admin", "root". Valid scopes: ${SCOPES.join(', ')}.`,
    );
  });

  it('--scopes explains an official OnePin scope this server does not provide', () => {
    expect(() => parseScopes('workflows:read,workflows:run')).toThrow(
      `workflows:run is the OnePin scope to start, cancel, pause and resume workflow runs, which this server does not provide. Valid scopes: ${SCOPES.join(', ')}.`,
    );
  });

  it.each([
    ['0', 0],
    ['90s', 90],
    ['15m', 900],
    ['24h', 86_400],
    ['7d', 604_800],
    ['604800s', 604_800],
    ['2H', 7200],
  ])('--grace %j is %i seconds', (value, seconds) => expect(parseGrace(value)).toBe(seconds));

  it.each(['8d', '604801s', '-1', '1w', '1.5h', 'h', '', 'soon', '24 h'])(
    '--grace refuses %j, showing the accepted forms',
    (value) => {
      expect(() => parseGrace(value)).toThrow(
        'Expected a duration with its unit, at most 7d: 30m, 24h, 7d, or 0 for none.',
      );
    },
  );

  it.each(['2', '3600', '604800'])(
    '--grace refuses the bare number %j (it used to mean seconds, silently)',
    (value) => {
      expect(() => parseGrace(value)).toThrow(
        `A bare number has no unit: say ${value}s, ${value}m, ${value}h or ${value}d.`,
      );
    },
  );

  it.each([
    ['2027-01-31', '2027-01-31T00:00:00.000Z'],
    ['2027-01-31T18:00:00Z', '2027-01-31T18:00:00.000Z'],
    ['2027-01-31T18:00:00.5+02:00', '2027-01-31T16:00:00.500Z'],
    ['2027-01-31T18:00Z', '2027-01-31T18:00:00.000Z'],
  ])('--expires-at %j is sent as %j', (value, iso) => expect(parseDateTime(value)).toBe(iso));

  it.each(['tomorrow', '31/01/2027', '2027-13-01', '2027-01-31T25:00:00Z', '1738368000', ''])(
    '--expires-at refuses %j',
    (value) => expect(() => parseDateTime(value)).toThrow('Expected a date or date-time'),
  );
});
