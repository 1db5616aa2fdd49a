import fc from 'fast-check';
import { expect, it } from 'vitest';
import { WordIndex } from './word-index';

/**
 * Whatever the documents and however often the index is saved and restored in between,
 * it answers every search as the plain definition does: the documents having, for every
 * prefix, a word starting with it, newest first (a document keeps its place when its words
 * change, and goes last when removed and added again).
 */

const VOCABULARY = ['printer', 'print', 'prisma', 'pr', 'vpn', 'vp', 'ñu', 'nube', 'inc-1042', '42', 'zz'];
const KEYS = Array.from({ length: 40 }, (_, i) => `t${i}`);
const QUERIES = [
  ...VOCABULARY.map((word) => [word]),
  ['p'],
  ['pri'],
  ['v'],
  ['n'],
  ['i'],
  ['4'],
  ['pri', 'vp'],
  ['print', 'nu'],
  ['pr', 'ñ', '4'],
  ['absent'],
];

type Op =
  | { kind: 'set'; key: string; words: string[] }
  | { kind: 'delete'; key: string }
  | { kind: 'restore' }
  | { kind: 'save' };

const setArb = fc.record({
  kind: fc.constant('set' as const),
  key: fc.constantFrom(...KEYS),
  words: fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 5 }),
});
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: setArb },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...KEYS) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'save' as const }) },
);

/** The documents in number order, each with its distinct words. */
class Model {
  docs: { key: string; words: string[] }[] = [];

  set(key: string, words: string[]): void {
    if (words.length === 0) return this.delete(key);
    const doc = this.docs.find((d) => d.key === key);
    if (doc) doc.words = [...new Set(words)];
    else this.docs.push({ key, words: [...new Set(words)] });
  }

  delete(key: string): void {
    this.docs = this.docs.filter((d) => d.key !== key);
  }

  search(prefixes: string[], limit: number): string[] {
    return this.docs
      .filter((d) => prefixes.every((prefix) => d.words.some((word) => word.startsWith(prefix))))
      .map((d) => d.key)
      .reverse()
      .slice(0, limit);
  }
}

// Many documents first, saved and restored: later saves then keep a few changes apart.
const opsArb = fc
  .tuple(fc.array(setArb, { minLength: 10, maxLength: 60 }), fc.array(opArb, { maxLength: 30 }))
  .map(([first, then]): Op[] => [...first, { kind: 'restore' }, ...then]);

it('answers as the definition does, across saves, restores, changes and removals', () => {
  fc.assert(
    fc.property(opsArb, fc.integer({ min: 1, max: 8 }), (ops, limit) => {
      const model = new Model();
      let index = new WordIndex();
      for (const op of ops) {
        if (op.kind === 'set') {
          index.set(op.key, op.words);
          model.set(op.key, op.words);
        } else if (op.kind === 'delete') {
          index.delete(op.key);
          model.delete(op.key);
        } else if (op.kind === 'save') {
          index.toSnapshot();
        } else {
          // What IndexedDB hands back is a structured clone of what was put.
          index = WordIndex.fromSnapshot(structuredClone(index.toSnapshot()));
        }
      }
      const fresh = new WordIndex();
      for (const doc of model.docs) fresh.set(doc.key, doc.words);
      expect(index.size).toBe(model.docs.length);
      expect([...index.keys()]).toEqual(model.docs.map((doc) => doc.key));
      for (const query of QUERIES) {
        expect(index.search(query, limit)).toEqual(model.search(query, limit));
        expect(fresh.search(query, limit)).toEqual(model.search(query, limit));
      }
    }),
    { numRuns: 500 },
  );
});
