/** Where each request's key comes from. Every mode draws a key per request the same way, so the
 * load generator does the same work in every mode. */
export interface KeySource {
  next(): string;
}

/** Cycles through a fixed set of keys: after the first pass every key has been seen before. */
export class KeyCycle implements KeySource {
  readonly #keys: readonly string[];
  #index = 0;

  constructor(keys: readonly string[]) {
    if (keys.length === 0) throw new Error('KeyCycle needs at least one key');
    this.#keys = keys;
  }

  get size(): number {
    return this.#keys.length;
  }

  next(): string {
    const key = this.#keys[this.#index] as string;
    this.#index = (this.#index + 1) % this.#keys.length;
    return key;
  }
}

/**
 * Hands out each key once, so every request is the server's first sight of its key. Should the
 * queue run dry it repeats the last key and counts the repeats: a measured run with `reused > 0`
 * was not all first sights, and the harness says so.
 */
export class KeyQueue implements KeySource {
  #keys: string[] = [];
  #index = 0;
  #reused = 0;

  add(keys: readonly string[]): void {
    this.#keys = this.#keys.slice(this.#index).concat(keys);
    this.#index = 0;
  }

  get remaining(): number {
    return this.#keys.length - this.#index;
  }

  /** How many requests got a key that had been used before. */
  get reused(): number {
    return this.#reused;
  }

  next(): string {
    if (this.#index < this.#keys.length) return this.#keys[this.#index++] as string;
    this.#reused++;
    return this.#keys[this.#keys.length - 1] ?? '';
  }
}
