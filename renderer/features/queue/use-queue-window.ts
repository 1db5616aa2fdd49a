import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { countQueue, queueQuery } from '../../data/queue-query';
import type { TicketHead } from '../../data/db';
import type { QueueView } from './queue-query-of';

/** Rows fetched per step; the window is re-read as the visible range crosses a step. */
const PAGE = 50;

export interface TicketSource {
  /** Undefined until the count or the first page is known. */
  total: number | undefined;
  /** False while `total` is only what the first pages showed (the count is still running). */
  counted: boolean;
  rowAt(index: number): TicketHead | undefined;
}

/**
 * A queue as the virtual list needs it: the count, and only the rows around what is on
 * screen, read by index range with offset + limit and kept live. Scrolling to row 90,000
 * reads ~100 rows, never the table.
 */
export function useQueueWindow(view: QueueView, firstVisible: number, lastVisible: number): TicketSource {
  const key = JSON.stringify(view);
  const offset = Math.max(0, Math.floor(firstVisible / PAGE) * PAGE);
  const limit = Math.min(500, (Math.floor(lastVisible / PAGE) + 1) * PAGE - offset + PAGE);
  // The key stands for `view`: a fresh object with the same content must not re-query.
  const count = useLiveQuery(async () => ({ key, n: await countQueue(view) }), [key]);
  const page = useLiveQuery(
    async () => ({ key, offset, rows: await queueQuery({ ...view, offset, limit }) }),
    [key, offset, limit],
  );
  return useMemo(() => {
    // Results of another view (still held while the new one loads) must not be shown as this one's.
    const rows = page && page.key === key ? page : null;
    let total = count && count.key === key ? count.n : undefined;
    // Before the in-memory index is built, a count walks the whole index range (a
    // second or more at 100k tickets) while the first page comes back in milliseconds.
    // Show it at once, sized to what is known, with room to scroll on when it came back full.
    if (total === undefined && rows)
      total = rows.offset + rows.rows.length + (rows.rows.length === limit ? PAGE : 0);
    return {
      total,
      counted: count !== undefined && count.key === key,
      rowAt: (index: number) => (rows ? rows.rows[index - rows.offset] : undefined),
    };
  }, [page, key, count, limit]);
}

/** A fixed list (search results) in the same shape. */
export function staticSource(rows: readonly TicketHead[] | undefined): TicketSource {
  return { total: rows?.length, counted: rows !== undefined, rowAt: (index) => rows?.[index] };
}
