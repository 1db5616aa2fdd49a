import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toCachedTicket } from './cached-ticket';
import type { CachedComment, MesaDb } from './db';
import { searchTickets } from './search-tickets';
import { ticketById } from './ticket-queries';
import { foldText, MAX_WORDS_PER_TICKET, ticketWords } from './search-words';
import { makeComment, makeTicket } from './testing/make-ticket';
import { freshDb } from './testing/test-db';

let db: MesaDb;

beforeEach(async () => {
  db = freshDb();
  const printer = makeTicket({ number: 'INC-1042', title: 'Impresión atascada en la planta 2' });
  const vpn = makeTicket({
    number: 'INC-1043',
    title: 'VPN drops every hour',
    requester: { name: 'Jürgen Müller', email: 'j.mueller@example.com' },
  });
  await db.tickets.bulkPut([
    toCachedTicket(printer, { server: printer, pendingCount: 0, policy: null }),
    toCachedTicket(vpn, { server: vpn, pendingCount: 0, policy: null }),
  ]);
  await db.comments.put(commentOn(vpn.id, 'Replaced the router firmware'));
});

function commentOn(ticketId: string, body: string): CachedComment {
  const comment = makeComment(ticketId, body, '2025-03-03T10:00:00.000Z');
  return { ...comment, server: comment, pending: 0 };
}

afterEach(async () => {
  await db.delete();
});

const numbers = (rows: Array<{ number: string | null }>): Array<string | null> =>
  rows.map((row) => row.number);

describe('searchTickets', () => {
  it('finds by word prefix, ignoring case and accents', async () => {
    expect(numbers(await searchTickets('impres', 10, db))).toEqual(['INC-1042']);
    expect(numbers(await searchTickets('IMPRESION', 10, db))).toEqual(['INC-1042']);
    expect(numbers(await searchTickets('muller', 10, db))).toEqual(['INC-1043']);
  });

  it('needs every word of the query', async () => {
    expect(numbers(await searchTickets('vpn hour', 10, db))).toEqual(['INC-1043']);
    expect(await searchTickets('vpn impresion', 10, db)).toEqual([]);
  });

  it('finds by ticket number, requester email and comment text', async () => {
    expect(numbers(await searchTickets('INC-1043', 10, db))).toEqual(['INC-1043']);
    expect(numbers(await searchTickets('j.mueller@example.com', 10, db))).toEqual(['INC-1043']);
    expect(numbers(await searchTickets('firmware', 10, db))).toEqual(['INC-1043']);
  });

  it('lists a ticket once even when several of its words match', async () => {
    expect(numbers(await searchTickets('in', 10, db)).sort()).toEqual(['INC-1042', 'INC-1043']);
  });

  it('follows writes made after the first search: new, changed and deleted tickets, new comments', async () => {
    expect(numbers(await searchTickets('impres', 10, db))).toEqual(['INC-1042']);
    const scanner = makeTicket({ number: 'INC-1044', title: 'Escáner sin conexión' });
    await db.tickets.put(toCachedTicket(scanner, { server: scanner, pendingCount: 0, policy: null }));
    expect(numbers(await searchTickets('conexion', 10, db))).toEqual(['INC-1044']);
    const printer = (await ticketById((await searchTickets('impres', 10, db))[0]!.id, db))!;
    await db.tickets.put({ ...printer, title: 'Toner vacío' });
    expect(await searchTickets('impres', 10, db)).toEqual([]);
    expect(numbers(await searchTickets('vacio', 10, db))).toEqual(['INC-1042']);
    await db.comments.put(commentOn(scanner.id, 'Driver reinstalado'));
    await db.tickets.put((await db.tickets.get(scanner.id))!);
    expect(numbers(await searchTickets('reinstal', 10, db))).toEqual(['INC-1044']);
    await db.tickets.delete(scanner.id);
    expect(await searchTickets('conexion', 10, db)).toEqual([]);
  });

  it('inside a liveQuery, answers again when a matching ticket arrives', async () => {
    const seen: string[][] = [];
    const subscription = liveQuery(() => searchTickets('escaner', 10, db)).subscribe((rows) =>
      seen.push(numbers(rows) as string[]),
    );
    await vi.waitFor(() => expect(seen).toEqual([[]]));
    const scanner = makeTicket({ number: 'INC-1045', title: 'Escáner atascado' });
    await db.tickets.put(toCachedTicket(scanner, { server: scanner, pendingCount: 0, policy: null }));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['INC-1045']));
    subscription.unsubscribe();
  });

  it('finds nothing for an empty or one-letter query', async () => {
    expect(await searchTickets('  ', 10, db)).toEqual([]);
    expect(await searchTickets('a', 10, db)).toEqual([]);
  });
});

describe('ticketWords', () => {
  it('folds accents', () => {
    expect(foldText('Ñandú Müller')).toBe('nandu muller');
  });

  it('caps the words of a huge description but keeps the identifying ones', () => {
    const description = Array.from({ length: 5_000 }, (_, i) => `word${i}`).join(' ');
    const words = ticketWords(makeTicket({ number: 'INC-7', title: 'Laptop', description }));
    expect(words).toHaveLength(MAX_WORDS_PER_TICKET);
    expect(words).toEqual(expect.arrayContaining(['inc-7', 'laptop', 'ana', 'garcia']));
  });
});
