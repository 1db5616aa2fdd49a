/**
 * The saved form of a WordIndex (word-index.ts) is the index itself: a sorted dictionary
 * and its posting lists in a few typed arrays. IndexedDB copies typed arrays as bytes, and
 * a start only wraps them, where a dictionary of strings and per-document terms had to be
 * pushed back into lists and maps one posting at a time.
 */
export interface WordIndexSnapshot {
  version: 2;
  /** Document keys, oldest first: the numbers in `postings` index this list. */
  keys: string[];
  /** Every word, in code-unit order, concatenated: word i is words[wordEnds[i - 1] ?? 0 .. wordEnds[i]). */
  words: string;
  wordEnds: Uint32Array;
  /** Word i's documents are postings[postingStarts[i] .. postingStarts[i + 1]). */
  postingStarts: Uint32Array;
  postings: Uint32Array;
  /**
   * Documents set or removed since the arrays above were last rebuilt, kept apart while they
   * are few: a save then copies them instead of rebuilding millions of postings.
   */
  changes?: SavedChanges;
}

export interface SavedChanges {
  /** Documents of the arrays above whose postings there no longer count (removed or set again). */
  dead: Uint32Array;
  /** Keys of the documents numbered after those above, oldest first (null: removed). */
  addedKeys: Array<string | null>;
  /** Words not in the dictionary above; word j has term id (dictionary size + j). */
  newWords: string[];
  /** The documents set since, each with its term ids ascending: docs[i]'s are terms[termStarts[i] .. termStarts[i + 1]). */
  docs: Uint32Array;
  termStarts: Uint32Array;
  terms: Uint32Array;
}

export function emptySnapshot(): WordIndexSnapshot {
  return {
    version: 2,
    keys: [],
    words: '',
    wordEnds: new Uint32Array(0),
    postingStarts: new Uint32Array(1),
    postings: new Uint32Array(0),
  };
}

/**
 * A saved value as a snapshot this code can search, or null: an older shape or a damaged
 * row is not read (the caller then makes the words again from the tickets), because a
 * posting past the end of the keys would answer a search with a ticket that is not there.
 */
export function readWordIndexSnapshot(value: unknown): WordIndexSnapshot | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Partial<Record<keyof WordIndexSnapshot, unknown>>;
  if (s.version !== 2 || typeof s.words !== 'string' || !Array.isArray(s.keys)) return null;
  const { keys, words, wordEnds, postingStarts, postings } = s;
  if (!isUint32Array(wordEnds) || !isUint32Array(postingStarts) || !isUint32Array(postings)) return null;
  if (!keys.every((key) => typeof key === 'string')) return null;
  if (postingStarts.length !== wordEnds.length + 1 || postingStarts[0] !== 0) return null;
  if (postingStarts[wordEnds.length] !== postings.length) return null;
  if ((wordEnds.length ? wordEnds[wordEnds.length - 1] : 0) !== words.length) return null;
  if (!ascending(wordEnds) || !ascending(postingStarts) || !below(postings, keys.length)) return null;
  if (s.changes !== undefined && !validChanges(s.changes, keys.length, wordEnds.length)) return null;
  return s as WordIndexSnapshot;
}

function validChanges(value: unknown, docs: number, words: number): value is SavedChanges {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<Record<keyof SavedChanges, unknown>>;
  const { dead, addedKeys, newWords, docs: changed, termStarts, terms } = c;
  if (!isUint32Array(dead) || !isUint32Array(changed) || !isUint32Array(termStarts) || !isUint32Array(terms))
    return false;
  if (!Array.isArray(addedKeys) || !addedKeys.every((key) => key === null || typeof key === 'string'))
    return false;
  if (!Array.isArray(newWords) || !newWords.every((word) => typeof word === 'string')) return false;
  if (new Set(newWords).size !== newWords.length) return false;
  if (
    termStarts.length !== changed.length + 1 ||
    termStarts[0] !== 0 ||
    termStarts[changed.length] !== terms.length
  )
    return false;
  if (!ascending(termStarts) || !below(dead, docs) || !below(terms, words + newWords.length)) return false;
  // Each document once, each added one set (a key with no words is never kept), its terms strictly ascending.
  const seen = new Uint8Array(docs + addedKeys.length);
  for (let i = 0; i < changed.length; i++) {
    const doc = changed[i]!;
    if (doc >= seen.length || seen[doc] || (doc >= docs && addedKeys[doc - docs] === null)) return false;
    seen[doc] = 1;
    for (let at = termStarts[i]! + 1; at < termStarts[i + 1]!; at++)
      if (terms[at]! <= terms[at - 1]!) return false;
  }
  return addedKeys.every((key, j) => key === null || seen[docs + j] === 1);
}

/** By its tag, not instanceof: a value read back from storage may come from another realm's constructor. */
function isUint32Array(value: unknown): value is Uint32Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint32Array]';
}

function ascending(values: Uint32Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return false;
  return true;
}

function below(values: Uint32Array, limit: number): boolean {
  let max = -1;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max < limit;
}

/**
 * Word i against `text`, by code units (the order of `<` and of the dictionary), looking
 * at no more of word i than `length` units; allocates nothing.
 */
function compareWord(snapshot: WordIndexSnapshot, i: number, text: string, length: number): number {
  const start = i ? snapshot.wordEnds[i - 1]! : 0;
  const size = Math.min(snapshot.wordEnds[i]! - start, length);
  const shared = Math.min(size, text.length);
  for (let j = 0; j < shared; j++) {
    const diff = snapshot.words.charCodeAt(start + j) - text.charCodeAt(j);
    if (diff !== 0) return diff;
  }
  return size - Math.min(text.length, length);
}

/** The first word i for which below(i) is false (below must be true, then false, along the dictionary). */
function firstNot(snapshot: WordIndexSnapshot, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = snapshot.wordEnds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The word's number in the snapshot, or -1. */
export function findWord(snapshot: WordIndexSnapshot, word: string): number {
  const at = firstNot(snapshot, (i) => compareWord(snapshot, i, word, Infinity) < 0);
  return at < snapshot.wordEnds.length && compareWord(snapshot, at, word, Infinity) === 0 ? at : -1;
}

/** Where `word` would go in the dictionary: the number of words before it. */
export function wordPosition(snapshot: WordIndexSnapshot, word: string): number {
  return firstNot(snapshot, (i) => compareWord(snapshot, i, word, Infinity) < 0);
}

/** The words starting with `prefix`: one run [from, to) of the sorted dictionary. */
export function prefixRange(snapshot: WordIndexSnapshot, prefix: string): [number, number] {
  const from = firstNot(snapshot, (i) => compareWord(snapshot, i, prefix, prefix.length) < 0);
  const to = firstNot(snapshot, (i) => compareWord(snapshot, i, prefix, prefix.length) <= 0);
  return [from, to];
}
