/**
 * An in-memory inverted index from folded words to documents, with prefix search. It
 * replaces v2's multi-entry `*words` IndexedDB index: at 100k tickets that index held
 * millions of rows and made every ticket write several times slower (bench/README.md).
 * Here the words cost a few bytes per (ticket, word) in memory and nothing on the write path.
 *
 * Documents get a number in the order they are first added; numbers are never reused.
 * A posting list may hold stale numbers (a document that lost the word, or was removed):
 * removing from the middle of a 100k-long list on every update would cost more than
 * checking each hit against the document's own sorted term ids, and the lists are
 * compacted once stale entries pile up.
 */

/** New words are searched linearly until this many, then merged into the sorted list. */
const UNSORTED_LIMIT = 2_000;

/**
 * A WordIndex as plain data that IndexedDB stores cheaply: the dictionary, and each
 * document's term ids in one typed array. Restoring it rebuilds the posting lists from
 * the documents' terms, with no tokenizing: a fraction of building it from the texts.
 */
export interface WordIndexSnapshot {
  words: string[];
  keys: string[];
  /** Document i's term ids are terms[offsets[i] .. offsets[i + 1]). */
  offsets: Uint32Array;
  terms: Uint32Array;
}

export class WordIndex {
  readonly #docOf = new Map<string, number>();
  readonly #keyOf: Array<string | undefined> = [];
  /** Per document number: its term ids, sorted ascending (binary-searched when checking a posting). */
  readonly #termsOf: Array<Uint32Array | undefined> = [];
  readonly #termOf = new Map<string, number>();
  readonly #wordOf: string[] = [];
  readonly #postings: number[][] = [];
  #sortedWords: string[] = [];
  #unsortedWords: string[] = [];
  #live = 0;
  #stale = 0;

  get size(): number {
    return this.#docOf.size;
  }

  /** The live documents and the words they use (see WordIndexSnapshot). */
  toSnapshot(): WordIndexSnapshot {
    const keys: string[] = [];
    const lists: Uint32Array[] = [];
    let total = 0;
    for (let doc = 0; doc < this.#keyOf.length; doc++) {
      const terms = this.#termsOf[doc];
      if (!terms) continue;
      keys.push(this.#keyOf[doc]!);
      lists.push(terms);
      total += terms.length;
    }
    const offsets = new Uint32Array(keys.length + 1);
    const terms = new Uint32Array(total);
    let at = 0;
    for (const [i, list] of lists.entries()) {
      terms.set(list, at);
      at += list.length;
      offsets[i + 1] = at;
    }
    return { words: [...this.#wordOf], keys, offsets, terms };
  }

  /** An index holding exactly the snapshot's documents, in the snapshot's order (oldest first). */
  static fromSnapshot(snapshot: WordIndexSnapshot): WordIndex {
    const index = new WordIndex();
    for (const word of snapshot.words) index.#termId(word);
    const { keys, offsets, terms } = snapshot;
    for (const [doc, key] of keys.entries()) {
      index.#keyOf.push(key);
      index.#docOf.set(key, doc);
      const own = terms.subarray(offsets[doc], offsets[doc + 1]);
      index.#termsOf.push(own);
      for (const term of own) index.#postings[term]!.push(doc);
      index.#live += own.length;
    }
    return index;
  }

  /** Replaces a document's words (a document with no words is removed). */
  set(key: string, words: Iterable<string>): void {
    const ids = new Set<number>();
    for (const word of words) ids.add(this.#termId(word));
    if (ids.size === 0) {
      this.delete(key);
      return;
    }
    const terms = Uint32Array.from(ids).sort();
    let doc = this.#docOf.get(key);
    const before = doc === undefined ? undefined : this.#termsOf[doc];
    if (doc === undefined) {
      doc = this.#keyOf.length;
      this.#keyOf.push(key);
      this.#docOf.set(key, doc);
    }
    this.#termsOf[doc] = terms;
    for (const term of terms) {
      if (before && hasTerm(before, term)) continue;
      this.#postings[term]!.push(doc);
      this.#live += 1;
    }
    if (before) for (const term of before) if (!hasTerm(terms, term)) this.#markStale();
  }

  delete(key: string): void {
    const doc = this.#docOf.get(key);
    if (doc === undefined) return;
    const terms = this.#termsOf[doc]!;
    this.#docOf.delete(key);
    this.#keyOf[doc] = undefined;
    this.#termsOf[doc] = undefined;
    for (let i = 0; i < terms.length; i++) this.#markStale();
  }

  /** Forgets every document (the word dictionary stays: a rebuild will need most of it again). */
  clear(): void {
    this.#docOf.clear();
    this.#keyOf.length = 0;
    this.#termsOf.length = 0;
    for (const list of this.#postings) list.length = 0;
    this.#live = 0;
    this.#stale = 0;
  }

  /**
   * Keys of documents that have, for every prefix, some word starting with it; newest
   * document first, at most `limit`. The prefix whose words have the fewest postings
   * drives; the others are checked on its hits only.
   */
  search(prefixes: readonly string[], limit: number): string[] {
    if (prefixes.length === 0 || limit <= 0) return [];
    const perPrefix = prefixes.map((prefix) => this.#termsWithPrefix(prefix));
    if (perPrefix.some((terms) => terms.length === 0)) return [];
    const cost = (terms: number[]): number =>
      terms.reduce((sum, term) => sum + this.#postings[term]!.length, 0);
    let driver = 0;
    for (let i = 1; i < perPrefix.length; i++) if (cost(perPrefix[i]!) < cost(perPrefix[driver]!)) driver = i;

    const hit = new Uint8Array(this.#keyOf.length);
    for (const term of perPrefix[driver]!) {
      for (const doc of this.#postings[term]!) {
        const terms = this.#termsOf[doc];
        if (terms && hasTerm(terms, term)) hit[doc] = 1;
      }
    }
    const others = perPrefix.filter((_, i) => i !== driver).map((terms) => new Set(terms));
    const keys: string[] = [];
    for (let doc = hit.length - 1; doc >= 0 && keys.length < limit; doc--) {
      if (!hit[doc]) continue;
      const terms = this.#termsOf[doc]!;
      if (others.every((wanted) => terms.some((term) => wanted.has(term)))) keys.push(this.#keyOf[doc]!);
    }
    return keys;
  }

  #termId(word: string): number {
    let id = this.#termOf.get(word);
    if (id === undefined) {
      id = this.#wordOf.length;
      this.#termOf.set(word, id);
      this.#wordOf.push(word);
      this.#postings.push([]);
      this.#unsortedWords.push(word);
    }
    return id;
  }

  #termsWithPrefix(prefix: string): number[] {
    if (this.#unsortedWords.length > UNSORTED_LIMIT) {
      this.#sortedWords = [...this.#sortedWords, ...this.#unsortedWords].sort();
      this.#unsortedWords = [];
    }
    const found: number[] = [];
    const sorted = this.#sortedWords;
    // Words with a prefix are one contiguous run of the sorted list (code-unit order).
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++)
      found.push(this.#termOf.get(sorted[i]!)!);
    for (const word of this.#unsortedWords) if (word.startsWith(prefix)) found.push(this.#termOf.get(word)!);
    return found;
  }

  #markStale(): void {
    this.#stale += 1;
    this.#live -= 1;
    if (this.#stale > 10_000 && this.#stale > this.#live) this.#compact();
  }

  /** Rebuilds the posting lists from the documents' own terms, dropping stale entries. */
  #compact(): void {
    for (const list of this.#postings) list.length = 0;
    this.#live = 0;
    for (let doc = 0; doc < this.#termsOf.length; doc++) {
      const terms = this.#termsOf[doc];
      if (!terms) continue;
      for (const term of terms) this.#postings[term]!.push(doc);
      this.#live += terms.length;
    }
    this.#stale = 0;
  }
}

function hasTerm(sortedTerms: Uint32Array, term: number): boolean {
  let lo = 0;
  let hi = sortedTerms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = sortedTerms[mid]!;
    if (value === term) return true;
    if (value < term) lo = mid + 1;
    else hi = mid;
  }
  return false;
}
