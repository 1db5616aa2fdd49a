import { describe, expect, it } from 'vitest';
import { WordIndex, readWordIndexSnapshot } from './word-index';

describe('WordIndex', () => {
  it('finds documents having every prefix, newest first, up to the limit', () => {
    const index = new WordIndex();
    index.set('a', ['printer', 'jam']);
    index.set('b', ['printer', 'toner']);
    index.set('c', ['vpn']);
    expect(index.search(['print'], 10)).toEqual(['b', 'a']);
    expect(index.search(['print', 'ton'], 10)).toEqual(['b']);
    expect(index.search(['print'], 1)).toEqual(['b']);
    expect(index.search(['print', 'vpn'], 10)).toEqual([]);
    expect(index.search(['nothing'], 10)).toEqual([]);
  });

  it('forgets words a document lost, and removed documents', () => {
    const index = new WordIndex();
    index.set('a', ['printer']);
    index.set('a', ['scanner']);
    expect(index.search(['printer'], 10)).toEqual([]);
    expect(index.search(['scan'], 10)).toEqual(['a']);
    index.set('a', ['printer']);
    expect(index.search(['printer'], 10)).toEqual(['a']);
    index.delete('a');
    expect(index.search(['printer'], 10)).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('stays right across many rewrites (stale postings compacted)', () => {
    const index = new WordIndex();
    for (let round = 0; round < 30; round++) {
      for (let doc = 0; doc < 1_000; doc++) index.set(`d${doc}`, [`w${(doc + round) % 7}`, `round${round}`]);
    }
    expect(index.search(['round29'], 2_000)).toHaveLength(1_000);
    expect(index.search(['round28'], 2_000)).toHaveLength(0);
    expect(index.search(['w0'], 2_000).sort()).toEqual(
      Array.from({ length: 1_000 }, (_, doc) => doc)
        .filter((doc) => (doc + 29) % 7 === 0)
        .map((doc) => `d${doc}`)
        .sort(),
    );
  });

  it('finds words added after the sorted list was built', () => {
    const index = new WordIndex();
    for (let i = 0; i < 3_000; i++) index.set(`d${i}`, [`word${i}`]);
    expect(index.search(['word2999'], 10)).toEqual(['d2999']);
    index.set('late', ['latecomer']);
    expect(index.search(['latec'], 10)).toEqual(['late']);
  });

  it('restores by taking the saved arrays as they are: saving again unchanged hands back the same snapshot', () => {
    const index = new WordIndex();
    index.set('a', ['printer', 'jam']);
    index.set('b', ['vpn']);
    const saved = structuredClone(index.toSnapshot());
    const restored = WordIndex.fromSnapshot(saved);
    expect(restored.toSnapshot()).toBe(saved);
    expect(restored.search(['jam'], 10)).toEqual(['a']);
    restored.set('c', ['jammed']);
    const next = restored.toSnapshot();
    expect(next).not.toBe(saved);
    expect(WordIndex.fromSnapshot(structuredClone(next)).search(['jam'], 10)).toEqual(['c', 'a']);
  });

  it('stays right when most restored documents are rewritten (their saved postings dropped)', () => {
    const built = new WordIndex();
    for (let doc = 0; doc < 3_000; doc++) built.set(`d${doc}`, [`w${doc % 7}`, 'round0']);
    const index = WordIndex.fromSnapshot(structuredClone(built.toSnapshot()));
    for (let round = 1; round < 8; round++) {
      for (let doc = 0; doc < 3_000; doc += 2)
        index.set(`d${doc}`, [`w${(doc + round) % 7}`, `round${round}`]);
    }
    index.delete('d1');
    expect(index.size).toBe(2_999);
    expect(index.search(['round0'], 5_000)).toHaveLength(1_499);
    expect(index.search(['round7'], 5_000)).toHaveLength(1_500);
    expect(index.search(['round3'], 5_000)).toEqual([]);
    expect(index.search(['w0', 'round'], 5)).toEqual(['d2996', 'd2989', 'd2982', 'd2975', 'd2968']);
  });
});

describe('readWordIndexSnapshot', () => {
  const saved = (): unknown => {
    const index = new WordIndex();
    index.set('a', ['printer']);
    index.set('b', ['printer', 'vpn']);
    return structuredClone(index.toSnapshot());
  };

  it('reads what toSnapshot saved', () => {
    const snapshot = readWordIndexSnapshot(saved());
    expect(snapshot).not.toBeNull();
    expect(WordIndex.fromSnapshot(snapshot!).search(['print'], 10)).toEqual(['b', 'a']);
  });

  it('refuses the earlier shape (a dictionary of strings and per-document terms) and damaged rows', () => {
    const earlier = {
      words: ['printer', 'vpn'],
      keys: ['a', 'b'],
      offsets: Uint32Array.from([0, 1, 3]),
      terms: Uint32Array.from([0, 0, 1]),
    };
    expect(readWordIndexSnapshot(earlier)).toBeNull();
    expect(readWordIndexSnapshot(undefined)).toBeNull();
    const pastTheKeys = saved() as { postings: Uint32Array };
    pastTheKeys.postings[0] = 7;
    expect(readWordIndexSnapshot(pastTheKeys)).toBeNull();
    const cut = saved() as { words: string };
    cut.words = cut.words.slice(1);
    expect(readWordIndexSnapshot(cut)).toBeNull();
  });

  it('reads the changes a save kept apart, and refuses them when they name a document or word that is not there', () => {
    const index = new WordIndex();
    for (let doc = 0; doc < 40; doc++) index.set(`d${doc}`, ['printer', `n${doc}`]);
    index.toSnapshot();
    index.set('d3', ['scanner']);
    index.set('late', ['printer', 'toner']);
    index.delete('d5');
    const withChanges = (): { changes: { docs: Uint32Array; terms: Uint32Array } } =>
      structuredClone(index.toSnapshot()) as never;
    expect(withChanges().changes).toBeDefined();
    const restored = WordIndex.fromSnapshot(readWordIndexSnapshot(withChanges())!);
    expect(restored.search(['print'], 3)).toEqual(['late', 'd39', 'd38']);
    expect(restored.search(['scan'], 10)).toEqual(['d3']);
    expect(restored.search(['n5'], 10)).toEqual([]);
    expect(restored.size).toBe(40);

    const pastTheDocs = withChanges();
    pastTheDocs.changes.docs[0] = 99;
    expect(readWordIndexSnapshot(pastTheDocs)).toBeNull();
    const pastTheWords = withChanges();
    pastTheWords.changes.terms[0] = 9_999;
    expect(readWordIndexSnapshot(pastTheWords)).toBeNull();
  });
});
