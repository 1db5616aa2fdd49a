import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change, MesaApi, PullResponse, Ticket } from '../../shared/index';
import type { MesaDb } from '../data/db';
import { readCursor } from '../data/meta';
import { makeTicket } from '../data/testing/make-ticket';
import { freshDb } from '../data/testing/test-db';
import { pullUntilCurrent } from './pull-loop';
import { ticketById } from '../data/ticket-queries';
import { countQueue } from '../data/queue-query';

let db: MesaDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

/**
 * A server's change log in memory: each change carries its ticket's data as it is when the
 * page is asked for (as the real pull does), and `stored` says how many pages the loop had
 * stored when each request was made.
 */
function logServer(tickets: Ticket[]) {
  const current = new Map(tickets.map((ticket) => [ticket.id, ticket]));
  const log = tickets.map((ticket, i) => ({ seq: i + 1, id: ticket.id }));
  const requests: Array<{ cursor: number; stored: number }> = [];
  let stored = 0;
  return {
    requests,
    pageStored: () => (stored += 1),
    change(ticket: Ticket) {
      current.set(ticket.id, ticket);
      log.push({ seq: log.length + 1, id: ticket.id });
    },
    pull: async ({ cursor, limit }: Parameters<MesaApi['pull']>[0]): Promise<PullResponse> => {
      requests.push({ cursor, stored });
      const after = log.filter((entry) => entry.seq > cursor);
      const changes: Change[] = after.slice(0, limit).map((entry) => ({
        seq: entry.seq,
        entity: 'ticket',
        id: entry.id,
        op: 'upsert',
        data: current.get(entry.id)!,
      }));
      return { changes, cursor: changes.at(-1)?.seq ?? cursor, hasMore: after.length > limit };
    },
  };
}

describe('pullUntilCurrent', () => {
  it('asks for the next page while the one in hand is stored, and stores them in order', async () => {
    const tickets = Array.from({ length: 5 }, (_, i) => makeTicket({ title: `Ticket ${i}` }));
    const server = logServer(tickets);
    const cursors: number[] = [];

    const end = await pullUntilCurrent({
      api: server,
      db,
      pageSize: 2,
      shouldStop: () => false,
      afterPage: async ({ cursor }) => {
        cursors.push(cursor);
        server.pageStored();
        return false;
      },
    });

    expect(end).toBe(5);
    expect(cursors).toEqual([2, 4, 5]);
    // Each next page was asked for before the page before it was stored.
    expect(server.requests).toEqual([
      { cursor: 0, stored: 0 },
      { cursor: 2, stored: 0 },
      { cursor: 4, stored: 1 },
    ]);
    expect(await readCursor(db)).toBe(5);
    expect(
      (await countQueue({ kind: 'all', state: 'open' }, db)) +
        (await countQueue({ kind: 'all', state: 'done' }, db)),
    ).toBe(5);
  });

  it('after a push of ours was applied between pages, asks again for the page it asked for before it', async () => {
    const [first, second] = [makeTicket({ title: 'First' }), makeTicket({ title: 'Second, as it was' })];
    const server = logServer([first!, second!]);
    const titlesSeen: string[] = [];

    await pullUntilCurrent({
      api: server,
      db,
      pageSize: 1,
      shouldStop: () => false,
      afterPage: async ({ cursor }) => {
        titlesSeen.push((await ticketById(second!.id, db))?.title ?? '(none)');
        // After the first page, the agent's push renames the second ticket on the server.
        if (cursor !== 1) return false;
        server.change({
          ...second!,
          title: 'Second, renamed by our push',
          updatedAt: '2025-03-03T10:00:00.000Z',
        });
        return true;
      },
    });

    // The page asked for before the push (with the old title) was never stored.
    expect(titlesSeen).toEqual(['(none)', 'Second, renamed by our push', 'Second, renamed by our push']);
    expect(server.requests.map((r) => r.cursor)).toEqual([0, 1, 1, 2]);
  });
});
