import type { MesaApi, PullResponse } from '../../shared/index';
import { applyPulledPage, type AppliedPage } from '../data/apply-pulled-page';
import type { MesaDb } from '../data/db';
import { readCursor } from '../data/meta';

export interface PullLoopOptions {
  api: Pick<MesaApi, 'pull'>;
  db: MesaDb;
  pageSize: number;
  /** Checked between pages: stop() ends the loop after the page in hand is stored. */
  shouldStop(): boolean;
  /**
   * After each stored page (progress, and a chance to push the agent's changes during a long
   * bootstrap). Resolves true when the server applied something of ours meanwhile.
   */
  afterPage(page: { cursor: number; hasMore: boolean; applied: AppliedPage }): Promise<boolean>;
}

/** A page asked for ahead: its failure is held until the loop gets to it, never left unhandled. */
type Ahead = Promise<{ page: PullResponse } | { error: unknown }>;

/**
 * Pulls every change after the stored cursor, page by page; each page and its cursor are
 * stored together (applyPulledPage), in order, so an interruption at any point resumes
 * from the last stored page. Returns the final cursor.
 *
 * The next page is asked for as soon as this one's cursor is known, and stored after this
 * one: the request, the server's work and the transfer overlap this page's IndexedDB
 * writes (waiting for the next page would otherwise be a large share of a bootstrap; see
 * bench/README.md).
 * A page asked for before one of our pushes was applied may hold older copies of what that
 * push changed, so after such a push it is asked for again.
 */
export async function pullUntilCurrent(options: PullLoopOptions): Promise<number> {
  const { api, db, pageSize } = options;
  const ask = (cursor: number): Ahead =>
    api.pull({ cursor, limit: pageSize }).then(
      (page) => ({ page }),
      (error: unknown) => ({ error }),
    );
  let cursor = await readCursor(db);
  let ahead: Ahead | null = null;
  while (!options.shouldStop()) {
    const answer: Awaited<Ahead> = await (ahead ?? ask(cursor));
    if ('error' in answer) throw answer.error;
    const page: PullResponse = answer.page;
    // A server that says "more" without moving the cursor would keep us here forever.
    const more: boolean = page.hasMore && page.cursor > cursor;
    ahead = more ? ask(page.cursor) : null;
    const applied = await applyPulledPage(page.changes, page.cursor, db);
    cursor = page.cursor;
    if ((await options.afterPage({ cursor, hasMore: page.hasMore, applied })) && ahead) ahead = ask(cursor);
    if (!more) break;
  }
  return cursor;
}
