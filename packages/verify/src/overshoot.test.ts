import { afterEach, describe, expect, it } from 'vitest';
import { FakeOnePin } from './test-support/fake-onepin.js';
import { createVerifier, type Verifier } from './verifier.js';

/**
 * The overshoot bound of local rate-limit counting, proved on simulated time: processes
 * answer cached requests from their local budget and report every `reportIntervalMs`, so
 * the server's count never lags the traffic by more than one interval of it, and a limit L
 * is exceeded by at most Σ R_i · interval over all processes (R_i = process i's req/s).
 */

/** A clock and a scheduler the test advances by hand: the reports run at their due time. */
class SimulatedTime {
  now = Date.parse('2026-03-01T12:00:00.000Z');
  readonly #tasks: { task: () => Promise<void>; every: number; next: number }[] = [];

  schedule = (task: () => Promise<void>, every: number) => {
    const entry = { task, every, next: this.now + every };
    this.#tasks.push(entry);
    return { cancel: () => this.#tasks.splice(this.#tasks.indexOf(entry), 1) };
  };

  /** Moves to `to`, running every task that falls due on the way, in order, to completion. */
  async advanceTo(to: number): Promise<void> {
    for (;;) {
      const due = this.#tasks.filter((t) => t.next <= to).sort((a, b) => a.next - b.next)[0];
      if (due === undefined) break;
      this.now = due.next;
      due.next += due.every;
      await due.task();
    }
    this.now = to;
  }
}

let fake: FakeOnePin | undefined;
const verifiers: Verifier[] = [];
afterEach(async () => {
  await Promise.all(verifiers.splice(0).map((v) => v.close()));
  await fake?.stop();
});

describe('overshoot of local rate-limit counting', () => {
  it.each([
    { processes: [200], interval: 1000, limit: 600 },
    { processes: [200, 100], interval: 1000, limit: 600 },
    { processes: [400, 50, 50], interval: 500, limit: 300 },
  ])(
    'with limit $limit/min, processes at $processes req/s and reports every $interval ms, the overshoot stays within Σ R·interval',
    async ({ processes, interval, limit }) => {
      const time = new SimulatedTime();
      // Mid-window start, so the whole run stays in one rate-limit window.
      time.now = Date.parse('2026-03-01T12:00:05.000Z');
      fake = await new FakeOnePin({ now: () => time.now }).start();
      const key = fake.addKey({ rateLimitPerMin: limit });
      const made = processes.map(() =>
        createVerifier({
          baseUrl: (fake as FakeOnePin).url,
          serviceToken: (fake as FakeOnePin).serviceToken,
          events: false,
          reportIntervalMs: interval,
          now: () => time.now,
          schedule: time.schedule,
        }),
      );
      verifiers.push(...made);

      const bound = processes.reduce((sum, rate) => sum + (rate * interval) / 1000, 0);
      let allowed = 0;
      let worstLag = 0;
      const start = time.now;
      // 10 s of traffic, 1 ms steps; process i sends at rate R_i, evenly spread.
      for (let ms = 1; ms <= 10_000; ms++) {
        await time.advanceTo(start + ms);
        for (const [i, rate] of processes.entries()) {
          if (Math.floor((ms * rate) / 1000) === Math.floor(((ms - 1) * rate) / 1000)) continue;
          const result = await (made[i] as Verifier).verify(key.plaintext);
          if (result.valid) allowed++;
        }
        // What the processes let through that the server has not counted yet.
        // (A first sight is counted by the server as it answers.)
        const counted = fake.calls.verify + (fake.reported.get(key.id) ?? 0);
        worstLag = Math.max(worstLag, allowed - counted);
      }

      const overshoot = allowed - limit;
      console.log(
        `limit ${limit}, ${processes.join('+')} req/s, reports every ${interval} ms: ` +
          `${allowed} allowed (overshoot ${overshoot}), server count lagged by at most ${worstLag}; bound ${bound}`,
      );
      expect(allowed).toBeGreaterThanOrEqual(limit);
      expect(overshoot).toBeLessThanOrEqual(bound);
      expect(worstLag).toBeLessThanOrEqual(bound);
      // Once the server's answers came back, every process refused the rest of the window.
      expect(fake.used(key)).toBe(limit);
      for (const v of made) expect((await v.verify(key.plaintext)).code).toBe('RATE_LIMITED');
    },
    30_000,
  );
});
