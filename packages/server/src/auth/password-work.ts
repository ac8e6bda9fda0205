import { ApiError } from '../api-error.js';

/**
 * The kinds of argon2 work the server does for people: verifying a sign-in, and hashing a
 * new password through a one-time link (invitation, set-password link, first-run setup).
 */
export type PasswordLane = 'sign-in' | 'new-password';

export interface PasswordWorkLimits {
  /** argon2 computations running at once, over all lanes (each takes a libuv thread). */
  concurrency: number;
  /** How many of those `new-password` may take: the rest stay free for sign-ins. */
  newPasswordConcurrency: number;
  /** Requests that may wait per lane; past that, 503 at once instead of a growing queue. */
  maxWaiting: number;
}

/**
 * Two of libuv's four threads, so file and DNS work keep theirs; at most one for new
 * passwords, so a flood of invitation or link requests always leaves one for sign-ins.
 */
export const DEFAULT_PASSWORD_WORK_LIMITS: PasswordWorkLimits = {
  concurrency: 2,
  newPasswordConcurrency: 1,
  maxWaiting: 32,
};

interface Waiting {
  start(): void;
}

const LANES: readonly PasswordLane[] = ['sign-in', 'new-password'];

/**
 * A bounded, fair queue for argon2 work (issue 11: unauthenticated requests could fill the
 * thread pool and make a sign-in take seconds). Work runs at most `concurrency` at a time;
 * `new-password` work never takes more than `newPasswordConcurrency` of those slots, so
 * sign-ins keep a fixed share however many links are tried. When both lanes wait, freed
 * slots alternate between them. Each lane's queue is bounded: past `maxWaiting`, a request
 * gets 503 with Retry-After at once rather than waiting behind a flood.
 */
export class PasswordWork {
  readonly #limits: PasswordWorkLimits;
  readonly #running: Record<PasswordLane, number> = { 'sign-in': 0, 'new-password': 0 };
  readonly #waiting: Record<PasswordLane, Waiting[]> = { 'sign-in': [], 'new-password': [] };
  /** The lane served first when both wait: the one that did not start last. */
  #turn = 0;

  constructor(limits: Partial<PasswordWorkLimits> = {}) {
    this.#limits = { ...DEFAULT_PASSWORD_WORK_LIMITS, ...limits };
  }

  /** How many run and wait in each lane now (for tests and diagnostics). */
  get load(): Record<PasswordLane, { running: number; waiting: number }> {
    return {
      'sign-in': { running: this.#running['sign-in'], waiting: this.#waiting['sign-in'].length },
      'new-password': {
        running: this.#running['new-password'],
        waiting: this.#waiting['new-password'].length,
      },
    };
  }

  /** Runs `work` in `lane` when a slot is free; refuses at once when the lane's queue is full. */
  run<T>(lane: PasswordLane, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#running[lane]++;
        this.#turn = (LANES.indexOf(lane) + 1) % LANES.length;
        let done: Promise<T>;
        try {
          done = work();
        } catch (error) {
          done = Promise.reject(error);
        }
        done.then(resolve, reject).finally(() => {
          this.#running[lane]--;
          this.#startWaiting();
        });
      };
      if (this.#waiting[lane].length === 0 && this.#hasSlot(lane)) return start();
      if (this.#waiting[lane].length >= this.#limits.maxWaiting) {
        return reject(
          new ApiError('SERVICE_UNAVAILABLE', 'The server is busy; try again in a moment.', {
            headers: { 'Retry-After': '1' },
          }),
        );
      }
      this.#waiting[lane].push({ start });
    });
  }

  #hasSlot(lane: PasswordLane): boolean {
    const total = this.#running['sign-in'] + this.#running['new-password'];
    if (total >= this.#limits.concurrency) return false;
    return lane === 'sign-in' || this.#running[lane] < this.#limits.newPasswordConcurrency;
  }

  #startWaiting(): void {
    for (let started = true; started; ) {
      started = false;
      for (let i = 0; i < LANES.length; i++) {
        const lane = LANES[(this.#turn + i) % LANES.length] as PasswordLane;
        if (this.#waiting[lane].length === 0 || !this.#hasSlot(lane)) continue;
        this.#waiting[lane].shift()?.start();
        started = true;
        break;
      }
    }
  }
}
