import type { SnapshotResponse } from '../../shared/index';
import { applyPulledPage, type AppliedPage } from '../data/apply-pulled-page';
import type { MesaDb } from '../data/db';
import { writeMeta } from '../data/meta';

/**
 * Stores one snapshot page and where the snapshot stands, in ONE transaction: after a reload
 * the snapshot resumes from the last page stored, never from the start. The rows go through
 * applyPulledPage like any pulled page, which waits for the memory view before it opens the
 * transaction (a wait inside would let IndexedDB commit it under the page); the pull cursor
 * stays at 0 until the last page, which sets it to the snapshot's change number, where the
 * pull goes on.
 */
export function storeSnapshotPage(page: SnapshotResponse, db: MesaDb): Promise<AppliedPage> {
  return applyPulledPage(page.changes, page.hasMore ? 0 : page.asOf, db, async (rdb) => {
    if (page.hasMore)
      await writeMeta(rdb, 'snapshot', { cursor: page.cursor, asOf: page.asOf, ...page.tickets });
    else await rdb.meta.delete('snapshot');
  });
}
