import { foldChanges, savedChanges, type WordIndexChanges } from './word-index-changes';
import {
  emptySnapshot,
  findWord,
  prefixRange,
  type SavedChanges,
  type WordIndexSnapshot,
} from './word-index-snapshot';

export { readWordIndexSnapshot, type WordIndexSnapshot } from './word-index-snapshot';

/**
 * An in-memory inverted index from folded words to documents, with prefix search. It
 * replaces v2's multi-entry `*words` IndexedDB index: at 100k tickets that index held
 * millions of rows and made every ticket write several times slower (bench/README.md).
 * Here the words cost a few bytes per (ticket, word) in memory and nothing on the write path.
 *
 * Two layers. The snapshot (word-index-snapshot.ts) is read-only typed arrays: what a
 * start restores and searches as it is. On top of it, the changes (word-index-changes.ts):
 * documents set since then keep their own sorted term ids and push postings to per-word
 * lists, and a snapshot document that was set again or removed is marked dead, so its
 * snapshot postings stop counting. A change-side posting may be stale (the document lost
 * the word since): checking each hit against the document's terms costs less than removing
 * it from the middle of a list. A save copies the changes beside the snapshot while they
 * are few, and folds them into a new snapshot otherwise, or once wasted postings pile up.
 *
 * Documents are numbered in the order they are first added (the snapshot's first); a
 * search answers newest first by that number.
 */

/** New words are searched linearly until this many, then merged into the sorted list. */
const UNSORTED_LIMIT = 2_000;
/** Wasted postings (stale, or of dead snapshot documents) tolerated before the changes are folded. */
const WASTE_LIMIT = 10_000;
/**
 * A save keeps the changes apart (see SavedChanges) while the documents they touch are at
 * most this share of the snapshot's: a start replays them one posting at a time.
 */
const SAVED_CHANGES_SHARE = 1 / 8;

export class WordIndex {
  #base: WordIndexSnapshot = emptySnapshot();
  #dead = new Uint8Array(0);
  /** Key → document number; built at the first change after a restore (a search needs none). */
  #docOf: Map<string, number> | null = new Map();
  #addedKeys: Array<string | undefined> = [];
  /** By document number: the sorted term ids of the documents set since the snapshot. */
  #termsOf: Array<Uint32Array | undefined> = [];
  /** The documents set since the snapshot, in the order first set (some removed since). */
  #setDocs: number[] = [];
  /** By term id: the documents set since the snapshot that had the word (some maybe no longer). */
  #postings: Array<number[] | undefined> = [];
  /** Words not in the snapshot, numbered after its words. */
  readonly #newTermOf = new Map<string, number>();
  /** The snapshot's words looked up so far: a sync brings the same words again and again. */
  readonly #baseTermOf = new Map<string, number>();
  #sortedNewWords: string[] = [];
  #unsortedNewWords: string[] = [];
  #size = 0;
  #livePostings = 0;
  #waste = 0;
  #deadCount = 0;
  /** What toSnapshot answers until the next change. */
  #saved: WordIndexSnapshot | null = null;

  get size(): number {
    return this.#size;
  }

  /**
   * The live documents and their words as search-ready arrays (see WordIndexSnapshot): the
   * snapshot this index stands on with the changes since beside it while they are few, or
   * rebuilt with them folded in (then searched from here on). The caller must not modify it.
   */
  toSnapshot(): WordIndexSnapshot {
    if (this.#saved) return this.#saved;
    const touched = this.#setDocs.length + this.#deadCount;
    if (touched > this.#base.keys.length * SAVED_CHANGES_SHARE) this.#fold();
    else this.#saved = { ...folded(this.#base), changes: savedChanges(this.#changes()) };
    return this.#saved!;
  }

  /** The keys of the documents it holds, oldest first. */
  *keys(): IterableIterator<string> {
    const { keys } = this.#base;
    for (let doc = 0; doc < keys.length; doc++) if (this.#isLiveBaseDoc(doc)) yield keys[doc]!;
    for (const key of this.#addedKeys) if (key !== undefined) yield key;
  }

  /**
   * An index holding exactly the snapshot's documents, in the snapshot's order (oldest
   * first). It searches the snapshot's arrays as they are; they must not be modified.
   */
  static fromSnapshot(snapshot: WordIndexSnapshot): WordIndex {
    const index = new WordIndex();
    index.#adopt(snapshot);
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
    const docOf = this.#docs();
    let doc = docOf.get(key);
    let before = doc === undefined ? undefined : this.#termsOf[doc];
    if (doc === undefined) {
      doc = this.#base.keys.length + this.#addedKeys.length;
      this.#addedKeys.push(key);
      docOf.set(key, doc);
      this.#size += 1;
    } else if (!before) {
      // A snapshot document: its snapshot postings stop counting, all its words go on top.
      this.#killBaseDoc(doc);
      before = new Uint32Array(0);
    }
    if (!this.#termsOf[doc]) this.#setDocs.push(doc);
    this.#termsOf[doc] = terms;
    for (const term of terms) {
      if (before && hasTerm(before, term)) continue;
      (this.#postings[term] ??= []).push(doc);
      this.#livePostings += 1;
    }
    if (before) for (const term of before) if (!hasTerm(terms, term)) this.#staled(1);
    this.#saved = null;
    this.#foldIfWasteful();
  }

  delete(key: string): void {
    const docOf = this.#docs();
    const doc = docOf.get(key);
    if (doc === undefined) return;
    docOf.delete(key);
    this.#size -= 1;
    const terms = this.#termsOf[doc];
    if (terms) {
      this.#termsOf[doc] = undefined;
      this.#staled(terms.length);
    } else {
      this.#killBaseDoc(doc);
    }
    if (doc >= this.#base.keys.length) this.#addedKeys[doc - this.#base.keys.length] = undefined;
    this.#saved = null;
    this.#foldIfWasteful();
  }

  /** Forgets every document and word. */
  clear(): void {
    this.#adopt(emptySnapshot());
  }

  /**
   * Keys of documents that have, for every prefix, some word starting with it; newest
   * document first, at most `limit`. Prefixes are taken from the fewest postings up, each
   * keeping only the documents every earlier one matched.
   */
  search(prefixes: readonly string[], limit: number): string[] {
    if (prefixes.length === 0 || limit <= 0) return [];
    const runs = prefixes.map((prefix) => this.#postingsWithPrefix(prefix));
    if (runs.some((run) => run.cost === 0)) return [];
    runs.sort((a, b) => a.cost - b.cost);

    const base = this.#base;
    const docCount = base.keys.length + this.#addedKeys.length;
    // matched[doc] = how many of the prefixes, in cost order, the document has matched so far.
    const matched = runs.length < 255 ? new Uint8Array(docCount) : new Uint16Array(docCount);
    for (const [level, run] of runs.entries()) {
      let any = false;
      for (let at = run.from; at < run.to; at++) {
        const doc = base.postings[at]!;
        if (matched[doc] === level && !this.#dead[doc]) {
          matched[doc] = level + 1;
          any = true;
        }
      }
      for (const term of run.terms) {
        for (const doc of this.#postings[term] ?? []) {
          if (matched[doc] !== level) continue;
          const terms = this.#termsOf[doc];
          if (terms && hasTerm(terms, term)) {
            matched[doc] = level + 1;
            any = true;
          }
        }
      }
      if (!any) return [];
    }
    const keys: string[] = [];
    for (let doc = docCount - 1; doc >= 0 && keys.length < limit; doc--)
      if (matched[doc] === runs.length) keys.push(this.#keyOf(doc));
    return keys;
  }

  /** The snapshot's postings of the words with the prefix (one run), and the term ids with postings on top. */
  #postingsWithPrefix(prefix: string): { from: number; to: number; terms: number[]; cost: number } {
    const base = this.#base;
    const [first, end] = prefixRange(base, prefix);
    const from = base.postingStarts[first]!;
    const to = base.postingStarts[end]!;
    const terms: number[] = [];
    let cost = to - from;
    const add = (term: number): void => {
      const list = this.#postings[term];
      if (!list?.length) return;
      terms.push(term);
      cost += list.length;
    };
    if (this.#postings.length) for (let term = first; term < end; term++) add(term);
    for (const word of this.#newWordsWithPrefix(prefix)) add(this.#newTermOf.get(word)!);
    return { from, to, terms, cost };
  }

  #newWordsWithPrefix(prefix: string): string[] {
    if (this.#unsortedNewWords.length > UNSORTED_LIMIT) this.#sortNewWords();
    const found: string[] = [];
    const sorted = this.#sortedNewWords;
    // Words with a prefix are one contiguous run of the sorted list (code-unit order).
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
    for (const word of this.#unsortedNewWords) if (word.startsWith(prefix)) found.push(word);
    return found;
  }

  #sortNewWords(): void {
    this.#sortedNewWords = [...this.#sortedNewWords, ...this.#unsortedNewWords].sort();
    this.#unsortedNewWords = [];
  }

  #termId(word: string): number {
    let id = this.#newTermOf.get(word);
    if (id !== undefined) return id;
    if (this.#base.wordEnds.length) {
      id = this.#baseTermOf.get(word);
      if (id !== undefined) return id;
      id = findWord(this.#base, word);
      if (id >= 0) {
        this.#baseTermOf.set(word, id);
        return id;
      }
    }
    id = this.#base.wordEnds.length + this.#newTermOf.size;
    this.#newTermOf.set(word, id);
    this.#unsortedNewWords.push(word);
    return id;
  }

  #keyOf(doc: number): string {
    const baseDocs = this.#base.keys.length;
    return doc < baseDocs ? this.#base.keys[doc]! : this.#addedKeys[doc - baseDocs]!;
  }

  #docs(): Map<string, number> {
    if (!this.#docOf) {
      const docOf = new Map<string, number>();
      const { keys } = this.#base;
      for (let doc = 0; doc < keys.length; doc++) if (this.#isLiveBaseDoc(doc)) docOf.set(keys[doc]!, doc);
      for (const [j, key] of this.#addedKeys.entries())
        if (key !== undefined) docOf.set(key, keys.length + j);
      this.#docOf = docOf;
    }
    return this.#docOf;
  }

  #isLiveBaseDoc(doc: number): boolean {
    return this.#dead[doc] === 0 || this.#termsOf[doc] !== undefined;
  }

  #killBaseDoc(doc: number): void {
    this.#dead[doc] = 1;
    this.#deadCount += 1;
    const base = this.#base;
    // Its exact number of postings is not kept; the snapshot's average stands in for it.
    this.#waste += Math.ceil(base.postings.length / Math.max(1, base.keys.length));
  }

  /** Change-side postings that no longer hold. */
  #staled(postings: number): void {
    this.#waste += postings;
    this.#livePostings -= postings;
  }

  #foldIfWasteful(): void {
    const all = this.#livePostings + this.#base.postings.length;
    if (this.#waste > WASTE_LIMIT && this.#waste > all / 2) this.#fold();
  }

  #changes(): WordIndexChanges {
    this.#sortNewWords();
    return {
      dead: this.#dead,
      addedKeys: this.#addedKeys,
      termsOf: this.#termsOf,
      setDocs: this.#setDocs,
      newWords: this.#sortedNewWords,
      newTermOf: this.#newTermOf,
    };
  }

  #fold(): void {
    const { snapshot, renumbered } = foldChanges(this.#base, this.#changes());
    // With every document keeping its number the key map stays right (making it is a pass over every key).
    const docOf = renumbered ? null : this.#docOf;
    this.#adopt(snapshot);
    if (docOf) this.#docOf = docOf;
  }

  /** Makes `snapshot` the whole index: its arrays as they are, its saved changes (if any) on top. */
  #adopt(snapshot: WordIndexSnapshot): void {
    this.#base = snapshot;
    this.#dead = new Uint8Array(snapshot.keys.length);
    this.#docOf = snapshot.keys.length ? null : new Map();
    this.#addedKeys = [];
    this.#termsOf = [];
    this.#setDocs = [];
    this.#postings = [];
    this.#newTermOf.clear();
    this.#baseTermOf.clear();
    this.#sortedNewWords = [];
    this.#unsortedNewWords = [];
    this.#size = snapshot.keys.length;
    this.#livePostings = 0;
    this.#waste = 0;
    this.#deadCount = 0;
    if (snapshot.changes) this.#replay(snapshot.changes);
    this.#saved = snapshot;
  }

  /** Puts saved changes back on top, as set() and delete() had left them. */
  #replay(changes: SavedChanges): void {
    const baseDocs = this.#base.keys.length;
    for (const doc of changes.dead) this.#killBaseDoc(doc);
    this.#addedKeys = changes.addedKeys.map((key) => key ?? undefined);
    const baseWords = this.#base.wordEnds.length;
    for (const [j, word] of changes.newWords.entries()) this.#newTermOf.set(word, baseWords + j);
    this.#unsortedNewWords = [...changes.newWords];
    const { docs, termStarts, terms } = changes;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      if (doc < baseDocs && !this.#dead[doc]) this.#killBaseDoc(doc);
      const own = terms.subarray(termStarts[i], termStarts[i + 1]);
      this.#termsOf[doc] = own;
      this.#setDocs.push(doc);
      for (const term of own) (this.#postings[term] ??= []).push(doc);
      this.#livePostings += own.length;
    }
    this.#size = baseDocs - this.#deadCount + docs.length;
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

/** The snapshot's arrays without its saved changes. */
function folded({ changes: _, ...arrays }: WordIndexSnapshot): WordIndexSnapshot {
  return arrays;
}
