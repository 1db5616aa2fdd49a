import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toCachedTicket } from './cached-ticket';
import type { MesaDb } from './db';
import { searchTickets } from './search-tickets';
import { foldText, MAX_WORDS_PER_TICKET, ticketWords } from './search-words';
import { makeTicket } from './testing/make-ticket';
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
    toCachedTicket(printer, { server: printer, pendingCount: 0, policy: null, commentBodies: [] }),
    toCachedTicket(vpn, { server: vpn, pendingCount: 0, policy: null, commentBodies: ['Replaced the router firmware'] }),
  ]);
});

afterEach(async () => {
  await db.delete();
});

const numbers = (rows: Array<{ number: string | null }>): Array<string | null> => rows.map((row) => row.number);

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
