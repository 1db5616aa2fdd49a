import { wordPosition, type SavedChanges, type WordIndexSnapshot } from './word-index-snapshot';

/** What a WordIndex changed on top of its snapshot (see WordIndex). */
export interface WordIndexChanges {
  /** Per snapshot document: 1 when its postings in the snapshot no longer count. */
  dead: Uint8Array;
  /** Keys of the documents numbered after the snapshot's (undefined once removed). */
  addedKeys: ReadonlyArray<string | undefined>;
  /** Per document number: its sorted term ids, for documents whose words were set since the snapshot. */
  termsOf: ReadonlyArray<Uint32Array | undefined>;
  /** The documents with terms in termsOf (and maybe removed since), each once. */
  setDocs: readonly number[];
  /** Words not in the snapshot's dictionary, sorted, and their term ids. */
  newWords: readonly string[];
  newTermOf: ReadonlyMap<string, number>;
}

/** The changes as plain data, to save beside the snapshot (see SavedChanges). */
export function savedChanges({
  dead,
  addedKeys,
  termsOf,
  setDocs,
  newTermOf,
}: WordIndexChanges): SavedChanges {
  const deadDocs: number[] = [];
  for (let doc = 0; doc < dead.length; doc++) if (dead[doc]) deadDocs.push(doc);
  const docs = setDocs.filter((doc) => termsOf[doc]);
  const termStarts = new Uint32Array(docs.length + 1);
  for (const [i, doc] of docs.entries()) termStarts[i + 1] = termStarts[i]! + termsOf[doc]!.length;
  const terms = new Uint32Array(termStarts[docs.length]!);
  for (const [i, doc] of docs.entries()) terms.set(termsOf[doc]!, termStarts[i]);
  return {
    dead: Uint32Array.from(deadDocs),
    addedKeys: addedKeys.map((key) => key ?? null),
    // Term ids follow the order the words were first seen in (see WordIndex#termId).
    newWords: [...newTermOf.keys()],
    docs: Uint32Array.from(docs),
    termStarts,
    terms,
  };
}

/**
 * The snapshot with the changes folded in: live documents renumbered in the same order
 * (`renumbered` false when that changed no number), new words merged into the dictionary,
 * each word's postings those of the snapshot (dead documents' dropped) then those of the
 * documents set since. One pass over the snapshot's postings, in order, and one over the
 * changed documents' own terms: reading each posting's document instead would jump all
 * over memory.
 */
export function foldChanges(
  base: WordIndexSnapshot,
  changes: WordIndexChanges,
): { snapshot: WordIndexSnapshot; renumbered: boolean } {
  const { dead, termsOf, setDocs } = changes;
  const { keys, docMap, renumbered } = renumber(base, changes);
  const { words, wordEnds, sources } = mergeWords(base, changes);
  const baseWords = base.wordEnds.length;
  const baseStarts = base.postingStarts;
  const basePostings = base.postings;
  const termCount = wordEnds.length;

  // Per old term id: how many changed documents have it, then where the next of them goes.
  const changed = new Uint32Array(termCount);
  let changedTotal = 0;
  for (const doc of setDocs) {
    const terms = termsOf[doc];
    if (!terms) continue;
    for (let i = 0; i < terms.length; i++) changed[terms[i]!]! += 1;
    changedTotal += terms.length;
  }
  const out = new Uint32Array(basePostings.length + changedTotal);
  const postingStarts = new Uint32Array(termCount + 1);
  let at = 0;
  for (let term = 0; term < termCount; term++) {
    const source = sources[term]!;
    if (source < baseWords) {
      const end = baseStarts[source + 1]!;
      for (let from = baseStarts[source]!; from < end; from++) {
        const doc = basePostings[from]!;
        if (dead[doc] === 0) out[at++] = docMap[doc]!;
      }
    }
    const count = changed[source]!;
    changed[source] = at;
    at += count;
    postingStarts[term + 1] = at;
  }
  for (const doc of setDocs) {
    const terms = termsOf[doc];
    if (!terms) continue;
    const to = docMap[doc]!;
    for (let i = 0; i < terms.length; i++) out[changed[terms[i]!]!++] = to;
  }
  const postings = at === out.length ? out : out.slice(0, at);
  return { snapshot: { version: 2, keys, words, wordEnds, postingStarts, postings }, renumbered };
}

/** The live documents, oldest first, and each old document number's new one (-1: removed). */
function renumber(
  base: WordIndexSnapshot,
  { dead, addedKeys, termsOf }: WordIndexChanges,
): { keys: string[]; docMap: Int32Array; renumbered: boolean } {
  const baseDocs = base.keys.length;
  const docCount = baseDocs + addedKeys.length;
  const docMap = new Int32Array(docCount);
  const removed = (doc: number): boolean =>
    doc < baseDocs ? dead[doc] === 1 && termsOf[doc] === undefined : addedKeys[doc - baseDocs] === undefined;
  let first = 0;
  while (first < docCount && !removed(first)) docMap[first] = first++;
  if (first === docCount) return { keys: base.keys.concat(addedKeys as string[]), docMap, renumbered: false };
  const keys =
    first <= baseDocs
      ? base.keys.slice(0, first)
      : base.keys.concat(addedKeys.slice(0, first - baseDocs) as string[]);
  for (let doc = first; doc < docCount; doc++) {
    docMap[doc] = removed(doc)
      ? -1
      : keys.push(doc < baseDocs ? base.keys[doc]! : addedKeys[doc - baseDocs]!) - 1;
  }
  return { keys, docMap, renumbered: true };
}

/**
 * The snapshot's dictionary with the new words put in their places, and for each place the
 * old term id there.
 */
function mergeWords(
  base: WordIndexSnapshot,
  { newWords, newTermOf }: WordIndexChanges,
): { words: string; wordEnds: Uint32Array; sources: Uint32Array } {
  const baseWords = base.wordEnds.length;
  const sources = new Uint32Array(baseWords + newWords.length);
  if (newWords.length === 0) {
    for (let term = 0; term < baseWords; term++) sources[term] = term;
    return { words: base.words, wordEnds: base.wordEnds, sources };
  }
  const wordEnds = new Uint32Array(sources.length);
  const pieces: string[] = [];
  let copiedWords = 0;
  let copiedChars = 0;
  let length = 0;
  let place = 0;
  // Runs of snapshot words are copied as one slice of its text, shifted by what was put before them.
  const copyBaseUntil = (end: number): void => {
    const endChars = end ? base.wordEnds[end - 1]! : 0;
    pieces.push(base.words.slice(copiedChars, endChars));
    const shift = length - copiedChars;
    for (let term = copiedWords; term < end; term++) {
      sources[place] = term;
      wordEnds[place++] = base.wordEnds[term]! + shift;
    }
    length += endChars - copiedChars;
    copiedWords = end;
    copiedChars = endChars;
  };
  for (const word of newWords) {
    copyBaseUntil(wordPosition(base, word));
    pieces.push(word);
    length += word.length;
    sources[place] = newTermOf.get(word)!;
    wordEnds[place++] = length;
  }
  copyBaseUntil(baseWords);
  return { words: pieces.join(''), wordEnds, sources };
}
