import { existsSync } from 'node:fs';
import { serialize } from 'node:v8';
import { readWordIndexSnapshot, WordIndex, type WordIndexSnapshot } from '../renderer/data/word-index';
import { compared, r2, type BenchResult } from './bench-result';
import { idbPutGet } from './idb-put-get';
import { percentile } from './console/percentiles';
import { demoWordDocs } from './word-index-docs';

/**
 * The console's saved search words at 100,000 demo tickets with their conversations
 * (MESA_BENCH_WORD_DOCS to change), the words made as the console makes them:
 * - `words.restore`: reading a saved row back (readWordIndexSnapshot) and fromSnapshot,
 *   what a start pays before its first search; baseline: indexing the same words with
 *   set(), what a start pays without saved words (besides making the words: ticketWords).
 * - `words.first_search`: the first prefix search after the restore.
 * - `words.keystroke_p95`: each keystroke of a few typed queries, searched on the restored index.
 * - `words.save_after_build` and `words.save_after_changes`: toSnapshot on the UI thread, once
 *   after the whole bootstrap and after 200 tickets changed since the last save.
 * - `words.clone` and `words.bytes`: the structured clone IndexedDB makes of the row.
 * - `words.idb_put`, `words.idb_get`: Chromium's on-disk IndexedDB, put to commit and get
 *   after a reload; baseline: the same words in the earlier shape (a dictionary of strings
 *   and each document's term ids), which a start had to turn back into posting lists.
 * - `words.heap_built`, `words.heap_restored`: what the index holds in the heap, built by
 *   set() and restored from a save (only when node runs with --expose-gc).
 */

const TYPED = ['impresora atascada', 'vpn no conecta', 'inc-4242', 'password reset'];

export async function run(): Promise<BenchResult[]> {
  const count = Number(process.env.MESA_BENCH_WORD_DOCS ?? 100_000);
  const docs = demoWordDocs(count);
  const results: BenchResult[] = [];
  const figure = (name: string, value: number, unit = 'ms'): BenchResult => ({
    name,
    value: r2(value),
    unit,
    n: count,
  });

  const heapBefore = heapMb();
  const built = new WordIndex();
  const build = timed(() => {
    for (const doc of docs) built.set(doc.id, doc.words);
  });
  const heapBuilt = heapMb() - heapBefore;
  const saveAfterBuild = timed(() => built.toSnapshot());
  for (let i = 0; i < 200; i++) {
    const doc = docs[(i * 7919) % count]!;
    built.set(doc.id, [...doc.words.slice(1), `edited${i}`]);
  }
  const saveAfterChanges = timed(() => built.toSnapshot());
  const saved = built.toSnapshot();

  let cloned: unknown;
  const clone = timed(() => (cloned = structuredClone(saved)));
  let restored: WordIndex | null = new WordIndex();
  const restore = timed(() => (restored = WordIndex.fromSnapshot(readWordIndexSnapshot(cloned)!)));
  const firstSearch = timed(() => restored!.search(['impres'], 50));
  const keystrokes: number[] = [];
  for (const query of TYPED)
    for (let end = 2; end <= query.length; end++) {
      const prefixes = query
        .slice(0, end)
        .split(' ')
        .filter((word) => word.length >= 2);
      keystrokes.push(timed(() => restored!.search(prefixes, 50)));
    }

  results.push(
    ...compared(figure('words.restore', restore), {
      name: 'words.rebuild_from_words',
      value: r2(build),
      n: count,
    }),
    figure('words.first_search', firstSearch),
    figure('words.keystroke_p95', percentile(keystrokes, 95)),
    figure('words.save_after_build', saveAfterBuild),
    figure('words.save_after_changes', saveAfterChanges),
    figure('words.clone', clone),
    figure('words.bytes', serialize(saved).length / 1e6, 'MB'),
  );
  if (typeof globalThis.gc === 'function') {
    // What collecting the restored index (and the clone it searches) frees.
    const heapRestored = heapMb();
    restored = null;
    cloned = null;
    results.push(
      figure('words.heap_built', heapBuilt, 'MB'),
      figure('words.heap_restored', heapRestored - heapMb(), 'MB'),
    );
  }
  if (existsSync(process.env.MESA_CHROMIUM ?? '/usr/bin/chromium')) {
    const earlier = await idbPutGet(earlierShape(saved));
    const now = await idbPutGet({ ...saved });
    results.push(
      ...compared(figure('words.idb_get', now.getMs), {
        name: 'words.idb_get_earlier_shape',
        value: r2(earlier.getMs),
        n: count,
      }),
      ...compared(figure('words.idb_put', now.putMs), {
        name: 'words.idb_put_earlier_shape',
        value: r2(earlier.putMs),
        n: count,
      }),
    );
  }
  return results;
}

/** Heap and array buffers in use after a full collection; 0 without --expose-gc. */
function heapMb(): number {
  if (typeof globalThis.gc !== 'function') return 0;
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1e6;
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** The same words as the earlier saved shape held them: the dictionary as strings, each document's term ids. */
function earlierShape(snapshot: WordIndexSnapshot): Record<string, unknown> {
  const { keys, wordEnds, postingStarts, postings } = snapshot;
  const words = Array.from(wordEnds, (end, i) => snapshot.words.slice(i ? wordEnds[i - 1] : 0, end));
  const offsets = new Uint32Array(keys.length + 1);
  for (const doc of postings) offsets[doc + 1]! += 1;
  for (let doc = 0; doc < keys.length; doc++) offsets[doc + 1]! += offsets[doc]!;
  const next = offsets.slice(0, keys.length);
  const terms = new Uint32Array(postings.length);
  for (let term = 0; term < wordEnds.length; term++)
    for (let at = postingStarts[term]!; at < postingStarts[term + 1]!; at++)
      terms[next[postings[at]!]!++] = term;
  return { words, keys, offsets, terms };
}
