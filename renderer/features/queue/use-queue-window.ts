import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { countQueue, queueQuery } from '../../data/queue-query';
import type { CachedTicket } from '../../data/db';
import type { QueueView } from './queue-query-of';

/** Rows fetched per step; the window is re-read as the visible range crosses a step. */
const PAGE = 50;

export interface TicketSource {
  /** Undefined while the first count is running. */
  total: number | undefined;
  rowAt(index: number): CachedTicket | undefined;
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
  const total = useLiveQuery(() => countQueue(view), [key]);
  const page = useLiveQuery(
    async () => ({ key, offset, rows: await queueQuery({ ...view, offset, limit }) }),
    [key, offset, limit],
  );
  return useMemo(() => {
    // A page of another view (still showing while the new one loads) must not be shown as this one's.
    const rows = page && page.key === key ? page : null;
    return {
      total,
      rowAt: (index: number) => (rows ? rows.rows[index - rows.offset] : undefined),
    };
  }, [page, key, total]);
}

/** A fixed list (search results) in the same shape. */
export function staticSource(rows: readonly CachedTicket[] | undefined): TicketSource {
  return { total: rows?.length, rowAt: (index) => rows?.[index] };
}
