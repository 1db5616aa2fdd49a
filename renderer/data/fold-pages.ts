import Dexie, { type DBCoreTransaction } from 'dexie';
import type { MesaDb } from './db';
import { mergePageBodies, pageRowOf, readPageBody } from './page-body';
import { headsOf, headsRowOf, readHeads } from './page-heads';
import { outcomeOf } from './ticket-writes';

/**
 * After a bootstrap, every pull stores a small page (a few changes), so the `pages` store
 * grows a row per sync. Runs of consecutive small pages are folded into one row, in the
 * background: it holds what replaying them one by one would give (mergePageBodies) and
 * takes the seq of the run's last page, so replay order and the saved words' page mark
 * stay right; its heads are folded with it. The content does not change; the memory view
 * is told only where each page's tickets now are.
 */

/** A page holding at most this many tickets + comments counts as small. */
export const SMALL_PAGE = 200;
/** Folding starts once this many small pages are stored. */
export const FOLD_AFTER = 32;

/** Folds the runs of small pages; returns how many rows went. */
export async function foldSmallPages(db: MesaDb): Promise<number> {
  const rdb = db.relaxed;
  return rdb.transaction('rw', rdb.pages, rdb.heads, async () => {
    const small = new Set((await rdb.pages.where('size').belowOrEqual(SMALL_PAGE).primaryKeys()) as number[]);
    if (small.size < FOLD_AFTER) return 0;
    const runs = runsOf((await rdb.pages.toCollection().primaryKeys()) as number[], small);
    let removed = 0;
    for (const run of runs) {
      const [rows, headRows] = await Promise.all([rdb.pages.bulkGet(run), rdb.heads.bulkGet(run)]);
      const merged = mergePageBodies(rows.map((row) => readPageBody(row!)));
      // Comment deletes name their tickets only in the heads.
      const commentTickets = headRows.flatMap((row) => (row ? readHeads(row).commentTickets : []));
      const into = run.at(-1)!;
      await rdb.pages.bulkDelete(run.slice(0, -1));
      await rdb.heads.bulkDelete(run.slice(0, -1));
      await rdb.pages.put({ ...pageRowOf(merged), seq: into });
      await rdb.heads.put(headsRowOf(into, headsOf(merged, commentTickets)));
      removed += run.length - 1;
    }
    if (runs.length) {
      const trans = Dexie.currentTransaction.idbtrans as unknown as DBCoreTransaction;
      db.ticketWrites.emit({ kind: 'fold', runs, committed: outcomeOf(trans) });
    }
    return removed;
  });
}

/** The runs of two or more consecutive small pages, in seq order. */
export function runsOf(seqs: readonly number[], small: ReadonlySet<number>): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const seq of seqs) {
    if (small.has(seq)) {
      run.push(seq);
      continue;
    }
    if (run.length > 1) runs.push(run);
    run = [];
  }
  if (run.length > 1) runs.push(run);
  return runs;
}
