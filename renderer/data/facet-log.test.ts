import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toCachedTicket } from './cached-ticket';
import { MesaDb, type CachedTicket } from './db';
import { replayEntry } from './facet-log';
import { facetsOf, type TicketFacets } from './queue-match';
import { makeTicket } from './testing/make-ticket';
import { freshDb } from './testing/test-db';
import { ticketMemoryIndex } from './ticket-memory-index';

let db: MesaDb;

const row = (overrides: Parameters<typeof makeTicket>[0] = {}): CachedTicket => {
  const ticket = makeTicket(overrides);
  return toCachedTicket(ticket, { server: ticket, pendingCount: 0, policy: null });
};

const byId = (a: TicketFacets, b: TicketFacets) => (a.id < b.id ? -1 : 1);

/**
 * The facets a console opening this cache afresh (a reload) builds from the log; `thenOpen`
 * runs on that connection before it closes (the log's rewrite runs on it after the build).
 */
async function facetsAfterReload(thenOpen?: (reopened: MesaDb) => Promise<void>): Promise<TicketFacets[]> {
  const reopened = new MesaDb(db.name);
  try {
    const index = ticketMemoryIndex(reopened);
    await index.facetsReady();
    const facets = [...index.facets()].sort(byId);
    await thenOpen?.(reopened);
    return facets;
  } finally {
    reopened.close();
  }
}

const facetsOfTable = async (): Promise<TicketFacets[]> => (await db.tickets.toArray()).map(facetsOf).sort(byId);

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

describe('the facet log', () => {
  it('gives a reloaded console the facets of every committed write, and of nothing else', async () => {
    const tickets = Array.from({ length: 12 }, (_, i) => row({ title: `Ticket ${i}`, status: i % 2 ? 'pending' : 'assigned' }));
    await db.tickets.bulkPut(tickets);
    await db.tickets.put({ ...tickets[0]!, status: 'resolved', open: 0 });
    await db.tickets.bulkDelete([tickets[1]!.id, tickets[2]!.id]);
    const ids = tickets.map((t) => t.id).sort();
    // A range delete by primary key (ids are ordered): the log cannot list its ids, only its range.
    await db.tickets.where(':id').between(ids[8], ids[10], true, true).delete();
    await expect(
      db.transaction('rw', db.tickets, async () => {
        await db.tickets.put({ ...tickets[3]!, status: 'closed' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');

    const reloaded = await facetsAfterReload();
    expect(reloaded).toEqual(await facetsOfTable());
    expect(reloaded).toHaveLength(7);
    expect(reloaded.find((f) => f.id === tickets[0]!.id)?.status).toBe('resolved');
    expect(reloaded.find((f) => f.id === tickets[3]!.id)?.status).toBe(tickets[3]!.status);
  });

  it('starts again from nothing after a clear (a different agent signs in)', async () => {
    await db.tickets.bulkPut([row(), row()]);
    await db.tickets.clear();
    const after = row({ title: 'After the clear' });
    await db.tickets.put(after);
    expect((await facetsAfterReload()).map((f) => f.id)).toEqual([after.id]);
  });

  it('writes one entry per write, however many tickets it puts (a pulled page)', async () => {
    await db.tickets.bulkPut(Array.from({ length: 500 }, () => row()));
    const entries = await db.ticketFacetLog.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.put).toHaveLength(500);
  });

  it('is rewritten as the live set once it has grown well past it, with the same facets', async () => {
    const ticket = row();
    await db.tickets.put(ticket);
    for (let i = 0; i < 250; i += 1) await db.tickets.put({ ...ticket, priority: ((i % 4) + 1) as CachedTicket['priority'] });
    expect(await db.ticketFacetLog.count()).toBe(251);
    const expected = await facetsOfTable();

    const reloaded = await facetsAfterReload(async (reopened) => {
      // Rewritten in the background, after the build.
      await expect.poll(() => reopened.ticketFacetLog.count()).toBe(1);
    });
    expect(reloaded).toEqual(expected);
    const compacted = await db.ticketFacetLog.toArray();
    expect(compacted).toHaveLength(1);
    expect(compacted[0]!.put).toEqual(expected);
    // And what follows the rewrite is still replayed after it.
    await db.tickets.put({ ...ticket, status: 'closed', open: 0 });
    expect((await facetsAfterReload())[0]?.status).toBe('closed');
  });
});

describe('replayEntry', () => {
  const facets = (ids: string[]) => new Map(ids.map((id) => [id, { id } as TicketFacets]));

  it('deletes a range with its bounds open or closed as written', () => {
    const map = facets(['a', 'b', 'c', 'd']);
    replayEntry(map, { delRange: { lower: 'a', upper: 'c', lowerOpen: true, upperOpen: false } });
    expect([...map.keys()]).toEqual(['a', 'd']);
  });

  it('applies deletes before puts of the same entry', () => {
    const map = facets(['a']);
    replayEntry(map, { del: ['a'], put: [{ id: 'a', status: 'new' } as TicketFacets] });
    expect(map.get('a')?.status).toBe('new');
  });
});
