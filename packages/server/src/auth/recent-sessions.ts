/** How many session tokens a node remembers as recently valid (a hash each, about 150 bytes). */
export const RECENT_SESSIONS_MAX_ENTRIES = 10_000;

/**
 * The SHA-256 hashes of the session tokens this node has recently found valid, so that a
 * valid session keeps working while its address is throttled for failed authentications
 * (people behind one NAT with an attacker). Being here only lets a token reach the database
 * lookup, which still runs on every request, so signing out applies at once; unknown tokens
 * from a throttled address are refused before any database work. Bounded: past
 * `maxEntries`, the hash seen longest ago is forgotten.
 */
export class RecentSessions {
  readonly #hashes = new Set<string>();
  readonly #maxEntries: number;

  constructor(maxEntries = RECENT_SESSIONS_MAX_ENTRIES) {
    this.#maxEntries = maxEntries;
  }

  get size(): number {
    return this.#hashes.size;
  }

  has(hash: string): boolean {
    return this.#hashes.has(hash);
  }

  /** Remembers a hash found valid just now, as the most recent. */
  add(hash: string): void {
    // A Set iterates in insertion order: re-inserting moves the hash to the end.
    this.#hashes.delete(hash);
    this.#hashes.add(hash);
    if (this.#hashes.size > this.#maxEntries) {
      const oldest = this.#hashes.values().next();
      if (!oldest.done) this.#hashes.delete(oldest.value);
    }
  }

  /** Forgets a hash the database no longer knows as a live session. */
  delete(hash: string): void {
    this.#hashes.delete(hash);
  }
}
