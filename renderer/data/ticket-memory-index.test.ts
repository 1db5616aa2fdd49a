import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toCachedTicket } from './cached-ticket';
import type { CachedTicket, MesaDb } from './db';
import { countInQueue, selectQueue } from './queue-match';
import { makeTicket } from './testing/make-ticket';
import { freshDb } from './testing/test-db';
import { ticketMemoryIndex } from './ticket-memory-index';

let db: MesaDb;

const row = (overrides: Parameters<typeof makeTicket>[0]): CachedTicket => {
  const ticket = makeTicket(overrides);
  return toCachedTicket(ticket, { server: ticket, pendingCount: 0, policy: null });
};
const pendingCount = async (): Promise<number> => {
  const index = ticketMemoryIndex(db);
  await index.facetsReady();
  return countInQueue(index.facets(), { kind: 'all', filters: { status: ['pending'] } });
};

beforeEach(async () => {
  db = freshDb();
  await db.tickets.bulkPut([
    row({ title: 'Impresora', status: 'pending' }),
    row({ title: 'VPN', status: 'assigned' }),
  ]);
});

afterEach(async () => {
  await db.delete();
});

describe('TicketMemoryIndex', () => {
  it('takes a committed write’s facets from the written rows, without reading the cache again', async () => {
    expect(await pendingCount()).toBe(1);
    const vpn = (await db.tickets.filter((t) => t.title === 'VPN').first())!;
    const bulkGet = vi.spyOn(db.tickets, 'bulkGet');
    await db.tickets.put({ ...vpn, status: 'pending' });
    expect(await pendingCount()).toBe(2);
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it('keeps the committed state when a write’s transaction aborts', async () => {
    expect(await pendingCount()).toBe(1);
    const vpn = (await db.tickets.filter((t) => t.title === 'VPN').first())!;
    await expect(
      db.transaction('rw', db.tickets, async () => {
        await db.tickets.put({ ...vpn, status: 'pending' });
        throw new Error('the agent’s change was refused');
      }),
    ).rejects.toThrow('refused');
    expect(await pendingCount()).toBe(1);
    expect((await db.tickets.get(vpn.id))?.status).toBe('assigned');
  });

  it('brings the words up to date before a search, and forgets deleted tickets', async () => {
    const index = ticketMemoryIndex(db);
    await index.ready();
    expect(index.search(['impres'], 10)).toHaveLength(1);
    const printer = (await db.tickets.filter((t) => t.title === 'Impresora').first())!;
    await db.tickets.put({ ...printer, title: 'Escáner' });
    await index.ready();
    expect(index.search(['impres'], 10)).toEqual([]);
    expect(index.search(['escaner'], 10)).toEqual([printer.id]);
    await db.tickets.delete(printer.id);
    await index.ready();
    expect(index.search(['escaner'], 10)).toEqual([]);
    expect(selectQueue(index.facets(), { kind: 'all' })).toHaveLength(1);
  });

  it('builds again after a write that names no ids (a clear)', async () => {
    expect(await pendingCount()).toBe(1);
    await db.tickets.clear();
    expect(await pendingCount()).toBe(0);
    await db.tickets.put(row({ status: 'pending' }));
    expect(await pendingCount()).toBe(1);
  });
});
