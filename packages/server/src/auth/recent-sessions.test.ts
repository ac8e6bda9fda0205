import { describe, expect, it } from 'vitest';
import { RecentSessions } from './recent-sessions.js';

describe('RecentSessions', () => {
  it('remembers at most maxEntries hashes, forgetting the one seen longest ago', () => {
    const recent = new RecentSessions(3);
    for (const hash of ['a', 'b', 'c']) recent.add(hash);
    recent.add('a'); // seen again: now the most recent
    recent.add('d');
    expect(recent.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].filter((hash) => recent.has(hash))).toEqual(['a', 'c', 'd']);
  });

  it('forgets a hash the database no longer knows', () => {
    const recent = new RecentSessions(3);
    recent.add('a');
    recent.delete('a');
    expect(recent.has('a')).toBe(false);
  });

  it('holds 10,000 hashes by default', () => {
    const recent = new RecentSessions();
    for (let i = 0; i <= 10_000; i++) recent.add(String(i));
    expect(recent.size).toBe(10_000);
    expect(recent.has('0')).toBe(false);
    expect(recent.has('10000')).toBe(true);
  });
});
