import { MesaError, type MesaApi, type SnapshotResponse } from '../../shared/index';
import type { AppliedPage } from '../data/apply-pulled-page';
import type { MesaDb } from '../data/db';
import { readMeta, type MetaValues } from '../data/meta';
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

type Ahead = Promise<{ page: SnapshotResponse } | { error: unknown }>;

/** Where a snapshot under way stands, from the cache (the progress bar's start after a reload). */
export async function savedSnapshot(db: MesaDb): Promise<MetaValues['snapshot'] | null> {
  return (await readMeta(db, 'snapshot')) ?? null;
}

/**
 * Fills an empty cache from the server's snapshot, page by page, resuming from the cursor
 * stored with the last page. The next page is asked for while this one is stored, as the
 * pull does. A stored cursor the server no longer accepts (its database was replaced) can
 * only be followed by a new snapshot; the rows already stored stay, and the new one
 * overwrites them.
 */
export async function fillFromSnapshot(options: SnapshotLoopOptions): Promise<SnapshotOutcome> {
  const { api, db, pageSize } = options;
  const ask = (cursor: string | undefined): Ahead =>
    api.snapshot({ cursor, limit: pageSize }).then(
      (page) => ({ page }),
      (error: unknown) => ({ error }),
    );
  let resumeFrom = (await savedSnapshot(db))?.cursor;
  let ahead: Ahead | null = null;
  while (!options.shouldStop()) {
    const answer: Awaited<Ahead> = await (ahead ?? ask(resumeFrom));
    ahead = null;
    if ('error' in answer) {
      const code = answer.error instanceof MesaError ? answer.error.code : null;
      if (code === 'not_found' && resumeFrom === undefined) return 'unsupported';
      if (code !== 'invalid_request' || resumeFrom === undefined) throw answer.error;
      resumeFrom = undefined;
      continue;
    }
    const { page } = answer;
    if (page.hasMore) ahead = ask(page.cursor);
    const applied = await storeSnapshotPage(page, db);
    resumeFrom = page.cursor;
    options.afterPage({ tickets: page.tickets, applied });
    if (!page.hasMore) return 'done';
  }
  return 'stopped';
}
