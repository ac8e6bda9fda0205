import type { Clock } from '../deps.js';

/** A clock tests move by hand, so expiry and grace periods need no sleeping. */
export class FakeClock implements Clock {
  #now: number;

  constructor(start: string | number = '2026-06-01T12:00:00.000Z') {
    this.#now = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  set(at: string | number): void {
    this.#now = typeof at === 'number' ? at : Date.parse(at);
  }
}
