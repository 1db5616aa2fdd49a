/**
 * The next page of each snapshot under way, read and encoded while the client is still
 * taking the page it was just sent. A client cannot ask for page k+1 before page k has
 * reached it (page k holds the cursor), so without this the server's reading sits in the
 * chain of every page, one after the other; with it, the request for k+1 usually finds its
 * answer ready.
 *
 * Serving a page read a moment early is safe because a snapshot page is as of its change
 * number N: a row changed after the read is sent as it was at N, which is what the snapshot
 * promises, and its newer copy comes with the pull from N (snapshot-service.ts).
 *
 * Bounded: at most `capacity` pages are held (the oldest goes first), each for `ttlMs`.
 * A page is handed out once; a miss, a failure or an expired page means reading it again.
 */
export interface ReadAheadOptions {
  capacity: number;
  ttlMs: number;
  now?: () => number;
}

interface Held<T> {
  page: Promise<T | null>;
  at: number;
}

export class SnapshotReadAhead<T> {
  readonly #held = new Map<string, Held<T>>();
  readonly #options: Required<ReadAheadOptions>;

  constructor(options: ReadAheadOptions) {
    this.#options = { now: Date.now, ...options };
  }

  /** Starts reading the page for `key` (nothing if it is already held). */
  prepare(key: string, read: () => Promise<T | null>): void {
    if (this.#held.has(key)) return;
    while (this.#held.size >= this.#options.capacity) this.#held.delete(this.#held.keys().next().value!);
    // A failed read is a miss: the request reads again and reports its own error.
    const page = read().catch(() => null);
    this.#held.set(key, { page, at: this.#options.now() });
  }

  /** The page held for `key`, once; null when none is (or it failed, or it is too old). */
  async take(key: string): Promise<T | null> {
    const held = this.#held.get(key);
    if (!held) return null;
    this.#held.delete(key);
    if (this.#options.now() - held.at > this.#options.ttlMs) return null;
    return held.page;
  }

  get size(): number {
    return this.#held.size;
  }
}

/** Which page of whose snapshot: the same cursor asked by another agent or with another limit is another page. */
export const readAheadKey = (agentId: string, cursor: string, limit: number): string =>
  `${agentId}\n${limit}\n${cursor}`;
