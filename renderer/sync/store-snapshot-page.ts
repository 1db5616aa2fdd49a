import type { SnapshotResponse } from '../../shared/index';
import { applyPulledPage, type AppliedPage } from '../data/apply-pulled-page';
import type { MesaDb } from '../data/db';
import { writeMeta } from '../data/meta';
import { ticketMemoryIndex } from '../data/ticket-memory-index';

/**
 * Stores one snapshot page and where the snapshot stands, in ONE transaction: after a reload
 * the snapshot resumes from the last page stored, never from the start. The rows go through
 * applyPulledPage like any pulled page (it joins this transaction); the pull cursor stays at 0
 * until the last page, which sets it to the snapshot's change number, where the pull goes on.
 */
export async function storeSnapshotPage(page: SnapshotResponse, db: MesaDb): Promise<AppliedPage> {
  // applyPulledPage first waits for the memory view (its load, the last page's commit). Inside
  // the transaction below, a wait that spans a task lets IndexedDB commit it under us ("the
  // transaction has finished"), failing the page until the next retry: so wait here, outside.
  await ticketMemoryIndex(db).facetsReady();
  const rdb = db.relaxed;
  return rdb.transaction('rw', rdb.tables, async () => {
    const applied = await applyPulledPage(page.changes, page.hasMore ? 0 : page.asOf, rdb);
    if (page.hasMore)
      await writeMeta(rdb, 'snapshot', { cursor: page.cursor, asOf: page.asOf, ...page.tickets });
    else await rdb.meta.delete('snapshot');
    return applied;
  });
}
