import type { MesaApi } from '../../shared/index';
import { applyPulledPage, type AppliedPage } from '../data/apply-pulled-page';
import type { MesaDb } from '../data/db';
import { readCursor } from '../data/meta';

export interface PullLoopOptions {
  api: Pick<MesaApi, 'pull'>;
  db: MesaDb;
  pageSize: number;
  /** Checked between pages: stop() ends the loop after the page in hand is stored. */
  shouldStop(): boolean;
  /** After each stored page (progress, and a chance to push the agent's changes during a long bootstrap). */
  afterPage(page: { cursor: number; hasMore: boolean; applied: AppliedPage }): Promise<void>;
}

/**
 * Pulls every change after the stored cursor, page by page; each page and its cursor are
 * stored together (applyPulledPage) before the next is asked for, so an interruption at
 * any point resumes from the last stored page. Returns the final cursor.
 */
export async function pullUntilCurrent(options: PullLoopOptions): Promise<number> {
  const { api, db, pageSize } = options;
  let cursor = await readCursor(db);
  while (!options.shouldStop()) {
    const page = await api.pull({ cursor, limit: pageSize });
    const applied = await applyPulledPage(page.changes, page.cursor, db);
    const moved = page.cursor > cursor;
    cursor = page.cursor;
    await options.afterPage({ cursor, hasMore: page.hasMore, applied });
    // A server that says "more" without moving the cursor would keep us here forever.
    if (!page.hasMore || !moved) break;
  }
  return cursor;
}
