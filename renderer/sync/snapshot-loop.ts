import { MesaError, type MesaApi, type SnapshotResponse } from '../../shared/index';
import type { AppliedPage } from '../data/apply-pulled-page';
import type { MesaDb } from '../data/db';
import { readMeta, type MetaValues } from '../data/meta';
import { pagesAhead } from './pages-ahead';
import { SNAPSHOT_STORE_MEASURE, SNAPSHOT_WAIT_MEASURE } from './snapshot-measures';
import { storeSnapshotPage } from './store-snapshot-page';

export type SnapshotProgress = Pick<MetaValues['snapshot'], 'sent' | 'total'>;

export interface SnapshotLoopOptions {
  api: Pick<MesaApi, 'snapshot'>;
  db: MesaDb;
  /** Tickets per page. */
  pageSize: number;
  /** Checked between pages: the page in hand is stored first. */
  shouldStop(): boolean;
  /** After each stored page. */
  afterPage(page: { tickets: SnapshotProgress; applied: AppliedPage }): void;
}

/** 'done': the cache holds the snapshot and its cursor; 'unsupported': the server has no snapshot, pull from 0. */
export type SnapshotOutcome = 'done' | 'stopped' | 'unsupported';

/**
 * Pages fetched beyond the one being stored. Not more than one: every page stored restarts
 * the queue's live queries (any write to the cache may move a ticket into a view), and with
 * more pages at hand they are stored back to back, leaving those queries no pause to answer
 * in; the queue can then stay empty while the snapshot fills the cache.
 */
export const SNAPSHOT_PAGES_AHEAD = 1;

/** Where a snapshot under way stands, from the cache (the progress bar's start after a reload). */
export async function savedSnapshot(db: MesaDb): Promise<MetaValues['snapshot'] | null> {
  return (await readMeta(db, 'snapshot')) ?? null;
}

/**
 * Fills an empty cache from the server's snapshot, page by page, resuming from the cursor
 * stored with the last page. The next page is asked for while this one is stored
 * (pages-ahead.ts); pages are stored one at a time and in the order they were sent. A stored
 * cursor the server no longer accepts (its database was replaced) can only be followed by a
 * new snapshot; the rows already stored stay, and the new one overwrites them.
 */
export async function fillFromSnapshot(options: SnapshotLoopOptions): Promise<SnapshotOutcome> {
  const { api, db, pageSize } = options;
  let resumeFrom = (await savedSnapshot(db))?.cursor;
  for (;;) {
    const pages = pagesAhead<SnapshotResponse>({
      ask: (cursor) => api.snapshot({ cursor, limit: pageSize }),
      from: resumeFrom,
      following: (page) => (page.hasMore ? page.cursor : null),
      depth: SNAPSHOT_PAGES_AHEAD,
    });
    try {
      for (;;) {
        if (options.shouldStop()) return 'stopped';
        const asked = performance.now();
        const answer = await pages.next();
        const received = performance.now();
        measure(SNAPSHOT_WAIT_MEASURE, asked, received);
        if ('error' in answer) {
          const code = answer.error instanceof MesaError ? answer.error.code : null;
          if (code === 'not_found' && resumeFrom === undefined) return 'unsupported';
          if (code !== 'invalid_request' || resumeFrom === undefined) throw answer.error;
          resumeFrom = undefined;
          break;
        }
        const { page } = answer;
        const applied = await storeSnapshotPage(page, db);
        measure(SNAPSHOT_STORE_MEASURE, received, performance.now());
        resumeFrom = page.cursor;
        options.afterPage({ tickets: page.tickets, applied });
        if (!page.hasMore) return 'done';
      }
    } finally {
      pages.close();
    }
  }
}

function measure(name: string, start: number, end: number): void {
  performance.measure(name, { start, end });
}
