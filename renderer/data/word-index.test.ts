import { describe, expect, it } from 'vitest';
import { WordIndex } from './word-index';

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
});
