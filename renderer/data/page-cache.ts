import type { MesaDb } from './db';
import type { PageBody } from './rows';

/**
 * The last few pages read, by seq: their texts (opening a ticket parses its part of one,
 * page-slices.ts, and the next ticket opened is often on the same page), and fewer of them
 * parsed whole (making the words of a page's tickets reads all of it). A page's text is a
 * few MB, and parsed a few more, so only a few are kept.
 */
export class PageCache {
  /** Least recently used first (a Map keeps insertion order). */
  readonly #texts = new Map<number, string>();
  readonly #bodies = new Map<number, PageBody>();
  /** Moves on every forget: a read that started before must not keep what it read. */
  #generation = 0;

  constructor(
    private readonly textCapacity = 3,
    private readonly bodyCapacity = 2,
  ) {}

  /** A page's text, read through `db` (inside its transaction, if any). */
  async text(db: MesaDb, seq: number): Promise<string | undefined> {
    const cached = touch(this.#texts, seq);
    if (cached !== undefined) return cached;
    const generation = this.#generation;
    const row = await db.pages.get(seq);
    if (row && generation === this.#generation) keep(this.#texts, seq, row.text, this.textCapacity);
    return row?.text;
  }

  /** A page parsed whole, when it is parsed already (no read). */
  parsed(seq: number): PageBody | undefined {
    return touch(this.#bodies, seq);
  }

  /** A page parsed whole. */
  async body(db: MesaDb, seq: number): Promise<PageBody | undefined> {
    const cached = touch(this.#bodies, seq);
    if (cached) return cached;
    const generation = this.#generation;
    const text = await this.text(db, seq);
    if (text === undefined) return undefined;
    // Checked against the shared schemas before it was stored (page-changes.ts), by this console.
    const body = JSON.parse(text) as PageBody;
    if (generation === this.#generation) keep(this.#bodies, seq, body, this.bodyCapacity);
    return body;
  }

  /** A body parsed elsewhere (a page just stored) is kept as if read. */
  remember(seq: number, body: PageBody): void {
    keep(this.#bodies, seq, body, this.bodyCapacity);
  }

  /** Pages whose rows changed or went (a fold). */
  forget(seqs: Iterable<number>): void {
    this.#generation += 1;
    for (const seq of seqs) {
      this.#texts.delete(seq);
      this.#bodies.delete(seq);
    }
  }

  clear(): void {
    this.#generation += 1;
    this.#texts.clear();
    this.#bodies.clear();
  }
}

function touch<T>(lru: Map<number, T>, seq: number): T | undefined {
  const value = lru.get(seq);
  if (value !== undefined) {
    lru.delete(seq);
    lru.set(seq, value);
  }
  return value;
}

function keep<T>(lru: Map<number, T>, seq: number, value: T, capacity: number): void {
  lru.delete(seq);
  lru.set(seq, value);
  while (lru.size > capacity) lru.delete(lru.keys().next().value!);
}
