import { wordPosition, type WordIndexSnapshot } from './word-index-snapshot';

/** What a WordIndex changed on top of its snapshot (see WordIndex). */
export interface WordIndexChanges {
  /** Per snapshot document: 1 when its postings in the snapshot no longer count. */
  dead: Uint8Array;
  /** Keys of the documents numbered after the snapshot's (undefined once removed). */
  addedKeys: ReadonlyArray<string | undefined>;
  /** Per document number: its sorted term ids, for documents whose words were set since the snapshot. */
  termsOf: ReadonlyArray<Uint32Array | undefined>;
  /** Words not in the snapshot's dictionary; word j has term id snapshot words + j. */
  newWords: readonly string[];
}

/**
 * The snapshot with the changes folded in: live documents renumbered in the same order,
 * new words merged into the dictionary, each word's postings rebuilt from the snapshot's
 * (those of dead documents dropped) and from the changed documents' own terms. Every step
 * is a pass over typed arrays; only the new words are sorted.
 */
export function foldChanges(base: WordIndexSnapshot, changes: WordIndexChanges): WordIndexSnapshot {
  const { dead, addedKeys, termsOf, newWords } = changes;
  const baseDocs = base.keys.length;
  const docCount = baseDocs + addedKeys.length;
  const docMap = new Int32Array(docCount).fill(-1);
  const keys: string[] = [];
  for (let doc = 0; doc < docCount; doc++) {
    if (doc < baseDocs ? dead[doc] && !termsOf[doc] : !termsOf[doc]) continue;
    docMap[doc] = keys.length;
    keys.push(doc < baseDocs ? base.keys[doc]! : addedKeys[doc - baseDocs]!);
  }

  const { words, wordEnds, termMap } = mergeWords(base, newWords);
  const termCount = wordEnds.length;
  const baseWords = base.wordEnds.length;
  const baseStarts = base.postingStarts;
  const basePostings = base.postings;
  const postingStarts = new Uint32Array(termCount + 1);
  for (let term = 0; term < baseWords; term++) {
    let live = 0;
    const end = baseStarts[term + 1]!;
    for (let at = baseStarts[term]!; at < end; at++) if (dead[basePostings[at]!] === 0) live += 1;
    postingStarts[termMap[term]! + 1] = live;
  }
  for (let doc = 0; doc < docCount; doc++) {
    const terms = termsOf[doc];
    if (!terms) continue;
    for (let i = 0; i < terms.length; i++) {
      const at = termMap[terms[i]!]! + 1;
      postingStarts[at] = postingStarts[at]! + 1;
    }
  }
  for (let term = 0; term < termCount; term++)
    postingStarts[term + 1] = postingStarts[term + 1]! + postingStarts[term]!;

  const postings = new Uint32Array(postingStarts[termCount]!);
  const next = postingStarts.slice(0, termCount);
  for (let term = 0; term < baseWords; term++) {
    const to = termMap[term]!;
    let at = next[to]!;
    const end = baseStarts[term + 1]!;
    for (let from = baseStarts[term]!; from < end; from++) {
      const doc = basePostings[from]!;
      if (dead[doc] === 0) postings[at++] = docMap[doc]!;
    }
    next[to] = at;
  }
  for (let doc = 0; doc < docCount; doc++) {
    const terms = termsOf[doc];
    if (!terms) continue;
    const to = docMap[doc]!;
    for (let i = 0; i < terms.length; i++) postings[next[termMap[terms[i]!]!]!++] = to;
  }
  return { version: 2, keys, words, wordEnds, postingStarts, postings };
}

/**
 * The snapshot's dictionary with the new words put in their places, and each old term
 * id's place in it (snapshot words first, then the new words in their given order).
 */
function mergeWords(
  base: WordIndexSnapshot,
  newWords: readonly string[],
): { words: string; wordEnds: Uint32Array; termMap: Uint32Array } {
  const baseWords = base.wordEnds.length;
  const termMap = new Uint32Array(baseWords + newWords.length);
  if (newWords.length === 0) {
    for (let term = 0; term < baseWords; term++) termMap[term] = term;
    return { words: base.words, wordEnds: base.wordEnds, termMap };
  }
  const order = newWords.map((_, j) => j).sort((a, b) => (newWords[a]! < newWords[b]! ? -1 : 1));
  const wordEnds = new Uint32Array(termMap.length);
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
      termMap[term] = place;
      wordEnds[place++] = base.wordEnds[term]! + shift;
    }
    length += endChars - copiedChars;
    copiedWords = end;
    copiedChars = endChars;
  };
  for (const j of order) {
    const word = newWords[j]!;
    copyBaseUntil(wordPosition(base, word));
    pieces.push(word);
    length += word.length;
    termMap[baseWords + j] = place;
    wordEnds[place++] = length;
  }
  copyBaseUntil(baseWords);
  return { words: pieces.join(''), wordEnds, termMap };
}
