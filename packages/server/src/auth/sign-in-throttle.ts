/** Failures counted in one window that starts with the first failure. */
interface Window {
  startMs: number;
  failures: number;
}

export interface SignInThrottleLimits {
  /** Failures for one email from one address before it is refused (SPEC §5: 5). */
  perEmail: number;
  /** Failures from one address over any emails, against password spraying. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInThrottleLimits = {
  perEmail: 5,
  perAddress: 50,
  windowMs: 15 * 60_000,
};

/** Past this many tracked windows, expired ones are swept (and the oldest dropped if needed). */
const MAX_TRACKED = 50_000;

/**
 * Throttles failed dashboard sign-ins in process memory (SPEC §5): after 5 failures for one
 * email from one address within 15 minutes, that pair is refused until the window ends.
 * A looser per-address limit stops one address from trying many emails, since each try
 * costs an argon2 verification.
 */
export class SignInThrottle {
  readonly #limits: SignInThrottleLimits;
  readonly #windows = new Map<string, Window>();

  constructor(limits: Partial<SignInThrottleLimits> = {}) {
    this.#limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
  }

  /** Seconds until `email` may be tried again from `address`, or 0 when it may now. */
  blockedFor(address: string, email: string, nowMs: number): number {
    return Math.max(
      this.#blockedFor(emailKey(address, email), this.#limits.perEmail, nowMs),
      this.#blockedFor(addressKey(address), this.#limits.perAddress, nowMs),
    );
  }

  recordFailure(address: string, email: string, nowMs: number): void {
    this.#count(emailKey(address, email), nowMs);
    this.#count(addressKey(address), nowMs);
  }

  /** A successful sign-in forgets that email's failures from that address. */
  recordSuccess(address: string, email: string): void {
    this.#windows.delete(emailKey(address, email));
  }

  #blockedFor(key: string, limit: number, nowMs: number): number {
    const window = this.#windows.get(key);
    if (window === undefined || window.failures < limit) return 0;
    const endsMs = window.startMs + this.#limits.windowMs;
    return endsMs > nowMs ? Math.ceil((endsMs - nowMs) / 1000) : 0;
  }

  #count(key: string, nowMs: number): void {
    const window = this.#windows.get(key);
    if (window !== undefined && nowMs < window.startMs + this.#limits.windowMs) {
      window.failures++;
      return;
    }
    this.#windows.delete(key);
    if (this.#windows.size >= MAX_TRACKED) this.#sweep(nowMs);
    this.#windows.set(key, { startMs: nowMs, failures: 1 });
  }

  #sweep(nowMs: number): void {
    for (const [key, window] of this.#windows) {
      if (nowMs >= window.startMs + this.#limits.windowMs) this.#windows.delete(key);
    }
    // Still full: drop the oldest windows (a Map iterates in insertion order).
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < MAX_TRACKED) break;
      this.#windows.delete(key);
    }
  }
}

const emailKey = (address: string, email: string) => `${address}\n${email}`;
const addressKey = (address: string) => address;
