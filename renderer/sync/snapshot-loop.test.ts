import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MesaApi, SnapshotResponse, Ticket } from '../../shared/index';
import type { MesaDb } from '../data/db';
import { readCursor, readMeta } from '../data/meta';
import { cachedTickets } from '../data/testing/cache-contents';
import { makeTicket } from '../data/testing/make-ticket';
import { freshDb } from '../data/testing/test-db';
import { fillFromSnapshot, SNAPSHOT_PAGES_AHEAD } from './snapshot-loop';

/**
 * The loop asks for pages ahead of the one it stores; what it stores must still be each page
 * once, in the order sent, with a reload going on from the last page stored — never from a
 * page that was only fetched.
 */

const PAGES = 6;
const PER_PAGE = 3;
const AS_OF = 500;

let db: MesaDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

/** A server with PAGES pages of PER_PAGE tickets; the cursor of page n is `page-n`. */
function snapshotServer() {
  const tickets: Ticket[] = Array.from({ length: PAGES * PER_PAGE }, (_, i) =>
    makeTicket({ number: `INC-${i + 1}` }),
  );
  const asked: Array<string | undefined> = [];
  const api: Pick<MesaApi, 'snapshot'> = {
    snapshot: async ({ cursor }) => {
      asked.push(cursor);
      const n = cursor === undefined ? 1 : Number(cursor.slice('page-'.length)) + 1;
      const mine = tickets.slice((n - 1) * PER_PAGE, n * PER_PAGE);
      const page: SnapshotResponse = {
        changes: mine.map((ticket, i) => ({
          seq: (n - 1) * PER_PAGE + i + 1,
          entity: 'ticket',
          id: ticket.id,
          op: 'upsert',
          data: ticket as unknown as Record<string, unknown>,
        })),
        cursor: `page-${n}`,
        asOf: AS_OF,
        hasMore: n < PAGES,
        tickets: { sent: n * PER_PAGE, total: PAGES * PER_PAGE },
      };
      return page;
    },
  };
  return { tickets, asked, api };
}

describe('fillFromSnapshot', () => {
  it('stores each page once and in order, and a reload resumes after the last page stored, not the last fetched', async () => {
    const { tickets, asked, api } = snapshotServer();
    const stored: number[] = [];
    const first = await fillFromSnapshot({
      api,
      db,
      pageSize: PER_PAGE,
      shouldStop: () => stored.length === 2,
      afterPage: ({ tickets: progress }) => stored.push(progress.sent),
    });
    expect(first).toBe('stopped');
    // Pages were fetched beyond the two stored…
    expect(asked.length).toBeGreaterThan(2);
    expect(asked.length).toBeLessThanOrEqual(2 + SNAPSHOT_PAGES_AHEAD);
    // …but the cache holds exactly the two stored, and the cursor after the second.
    expect((await cachedTickets(db)).map((t) => t.number).sort()).toEqual(
      tickets
        .slice(0, 2 * PER_PAGE)
        .map((t) => t.number)
        .sort(),
    );
    expect(await readMeta(db, 'snapshot')).toMatchObject({ cursor: 'page-2', sent: 2 * PER_PAGE });

    asked.length = 0;
    const second = await fillFromSnapshot({
      api,
      db,
      pageSize: PER_PAGE,
      shouldStop: () => false,
      afterPage: ({ tickets: progress }) => stored.push(progress.sent),
    });
    expect(second).toBe('done');
    expect(asked).toEqual(['page-2', 'page-3', 'page-4', 'page-5']);
    expect(stored).toEqual([1, 2, 3, 4, 5, 6].map((n) => n * PER_PAGE));
    const cached = await cachedTickets(db);
    expect(cached).toHaveLength(tickets.length);
    expect(new Set(cached.map((t) => t.id)).size).toBe(tickets.length);
    expect(await readCursor(db)).toBe(AS_OF);
    expect(await readMeta(db, 'snapshot')).toBeUndefined();
  });
});
