import type { MesaDb } from './db';
import { readPageBody } from './page-body';
import type { PageBody } from './rows';

/**
 * The last few pages parsed in full, by seq: opening a ticket parses the page that holds
 * it, and the next ticket opened (the row below, another comment of the same page) is
 * usually on the same page. A page parsed is a few MB, so only a few are kept.
 */
export class PageCache {
  readonly #capacity: number;
  /** Least recently used first (a Map keeps insertion order). */
  readonly #bodies = new Map<number, PageBody>();
  /** Moves on every forget: a read that started before must not keep what it read. */
  #generation = 0;

  constructor(capacity = 3) {
    this.#capacity = capacity;
  }

  /** The body of a page, parsed from the row read through `db` (inside its transaction, if any). */
  async read(db: MesaDb, seq: number): Promise<PageBody | undefined> {
    const cached = this.#bodies.get(seq);
    if (cached) {
      this.#bodies.delete(seq);
      this.#bodies.set(seq, cached);
      return cached;
    }
    const generation = this.#generation;
    const row = await db.pages.get(seq);
    if (!row) return undefined;
    const body = readPageBody(row);
    if (generation === this.#generation) this.remember(seq, body);
    return body;
  }

  /** A body parsed elsewhere (a page just stored) is kept as if read. */
  remember(seq: number, body: PageBody): void {
    this.#bodies.delete(seq);
    this.#bodies.set(seq, body);
    while (this.#bodies.size > this.#capacity) this.#bodies.delete(this.#bodies.keys().next().value!);
  }

  /** A page whose row changed or went (a fold). */
  forget(seqs: Iterable<number>): void {
    this.#generation += 1;
    for (const seq of seqs) this.#bodies.delete(seq);
  }

  clear(): void {
    this.#generation += 1;
    this.#bodies.clear();
  }
}
