import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { performMutation } from '../sync/perform-mutation';
import { applyPulledPage } from './apply-pulled-page';
import { MesaDb } from './db';
import { FOLD_AFTER, foldSmallPages } from './fold-pages';
import { pageBodyOf, pageRowOf } from './page-body';
import { groupPageChanges } from './page-changes';
import { queueQuery } from './queue-query';
import { settlePushResults } from './settle-push';
import { makeComment, makeTicket } from './testing/make-ticket';
import { seedSession } from './testing/seed-session';
import { freshDb } from './testing/test-db';
import { commentsOfTicket, prefetchTicket, ticketById } from './ticket-queries';
import { upsertChange, lastChangeSeq } from './testing/pulled-changes';

/**
 * The memory view holds heads: the queue is answered from each page's heads, and a ticket's
 * description, audit and server comments are read from its page when it is opened or
 * rebuilt.
 */

let db: MesaDb;
const opened: MesaDb[] = [];

/** A start: a new connection to the same cache builds its view from the stored rows. */
function reopen(): MesaDb {
  const next = new MesaDb(db.name);
  opened.push(next);
  return next;
}

beforeEach(async () => {
  db = freshDb();
  await seedSession(db);
});

afterEach(async () => {
  for (const other of opened.splice(0)) other.close();
  await db.delete();
  vi.restoreAllMocks();
});

const printer = () =>
  makeTicket({
    number: 'INC-7',
    title: 'Printer jams',
    description: 'The tray-two roller squeaks before every jam',
  });

/** The printer ticket among `others` other tickets, then a server comment on it: two pulled pages. */
async function pullPrinterAmong(others: number) {
  const ticket = printer();
  const rest = Array.from({ length: others }, (_, i) => makeTicket({ title: `Other ${i}` }));
  await applyPulledPage(
    [...rest, ticket].map((t) => upsertChange('ticket', t)),
    lastChangeSeq(),
    db,
  );
  await applyPulledPage(
    [upsertChange('comment', makeComment(ticket.id, 'Roller replaced'))],
    lastChangeSeq(),
    db,
  );
  return ticket;
}

describe('the memory view of heads', () => {
  it('after a reload answers the queue from the heads, without parsing any page’s full text', async () => {
    const ticket = await pullPrinterAmong(3);

    const reloaded = reopen();
    const parse = vi.spyOn(JSON, 'parse');
    const rows = await queueQuery({ kind: 'all' }, reloaded);

    expect(rows.map((row) => row.title).sort()).toEqual(['Other 0', 'Other 1', 'Other 2', 'Printer jams']);
    const parsed = parse.mock.calls.map(([text]) => String(text));
    expect(parsed.some((text) => text.includes('"Printer jams"'))).toBe(true);
    expect(parsed.some((text) => text.includes('squeaks') || text.includes('Roller replaced'))).toBe(false);
    // What a row holds is the head: no description, no audit.
    expect(rows.find((row) => row.id === ticket.id)).not.toHaveProperty('description');
  });

  it('opening a ticket shows its description and comments, parsed out of their pages alone', async () => {
    const ticket = await pullPrinterAmong(20);
    const pageLength = Math.max(...(await db.pages.toArray()).map((row) => row.text.length));

    const reloaded = reopen();
    await queueQuery({ kind: 'all' }, reloaded);
    const parse = vi.spyOn(JSON, 'parse');
    expect(await ticketById(ticket.id, reloaded)).toMatchObject({
      description: 'The tray-two roller squeaks before every jam',
      audit: ticket.audit,
      pendingCount: 0,
    });
    expect((await commentsOfTicket(ticket.id, reloaded)).map((c) => c.body)).toEqual(['Roller replaced']);
    // Its own part of each page, not the page: the other tickets' texts stay unparsed.
    const parsed = parse.mock.calls.map(([text]) => String(text));
    expect(parsed.length).toBeGreaterThan(0);
    expect(parsed.every((text) => text.length < pageLength / 10 && !text.includes('Other 1'))).toBe(true);
  });

  it('reading the focused row’s page ahead leaves nothing for the opening to read from IndexedDB', async () => {
    const ticket = printer();
    await applyPulledPage([upsertChange('ticket', ticket)], lastChangeSeq(), db);
    const reloaded = reopen();
    await queueQuery({ kind: 'all' }, reloaded);
    const reads = vi.spyOn(reloaded.pages, 'get');

    prefetchTicket(ticket.id, reloaded);
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(1));
    await reads.mock.results[0]!.value;
    reads.mockClear();
    expect(await ticketById(ticket.id, reloaded)).toMatchObject({ description: ticket.description });
    expect(reads).not.toHaveBeenCalled();
  });

  it('a rejection restores the server copy from the page, description and all', async () => {
    const ticket = printer();
    await applyPulledPage([upsertChange('ticket', ticket)], lastChangeSeq(), db);
    const reloaded = reopen();
    await performMutation('ticket.update', { ticketId: ticket.id, title: 'Renamed here' }, { db: reloaded });
    expect(await ticketById(ticket.id, reloaded)).toMatchObject({ title: 'Renamed here', pendingCount: 1 });

    const batch = await reloaded.outbox.toArray();
    await settlePushResults(
      batch,
      [{ id: batch[0]!.id, status: 'rejected', code: 'forbidden', message: 'No.' }],
      reloaded,
    );

    expect(await ticketById(ticket.id, reloaded)).toMatchObject({
      title: 'Printer jams',
      description: 'The tray-two roller squeaks before every jam',
      pendingCount: 0,
    });
    expect((await queueQuery({ kind: 'all' }, reloaded)).map((row) => row.title)).toEqual(['Printer jams']);
  });

  it('still finds a ticket and its comments after their pages were folded into one', async () => {
    const ticket = printer();
    await applyPulledPage([upsertChange('ticket', ticket)], lastChangeSeq(), db);
    for (let i = 0; i < FOLD_AFTER; i++)
      await applyPulledPage(
        [upsertChange('comment', makeComment(ticket.id, `Note ${i}`))],
        lastChangeSeq(),
        db,
      );
    await queueQuery({ kind: 'all' }, db);
    expect(await commentsOfTicket(ticket.id, db)).toHaveLength(FOLD_AFTER);

    expect(await foldSmallPages(db)).toBe(FOLD_AFTER);

    expect(await ticketById(ticket.id, db)).toMatchObject({ description: ticket.description });
    expect(await commentsOfTicket(ticket.id, db)).toHaveLength(FOLD_AFTER);
    const reloaded = reopen();
    expect(await commentsOfTicket(ticket.id, reloaded)).toHaveLength(FOLD_AFTER);
  });

  it('reads a page stored without heads (an older cache) from its full text', async () => {
    const ticket = printer();
    const body = pageBodyOf(groupPageChanges([upsertChange('ticket', ticket)]), new Map());
    await db.pages.add(pageRowOf(body));

    const rows = await queueQuery({ kind: 'all' }, reopen());
    expect(rows.map((row) => row.title)).toEqual(['Printer jams']);
  });

  it('opens a cache made before the heads store existed, with its pages and pending work', async () => {
    db.close();
    await Dexie.delete(db.name);
    // The declaration such a cache was made with: the same stores, no `heads`.
    const earlier = new Dexie(db.name);
    earlier.version(1).stores({ ...EARLIER_STORES });
    const ticket = printer();
    await earlier
      .table('pages')
      .add(pageRowOf(pageBodyOf(groupPageChanges([upsertChange('ticket', ticket)]), new Map())));
    await earlier.table('outbox').add({ id: 'm-1', ticketId: ticket.id, name: 'ticket.update' });
    earlier.close();

    const current = reopen();
    expect((await queueQuery({ kind: 'all' }, current)).map((row) => row.title)).toEqual(['Printer jams']);
    expect(await current.outbox.toArray()).toEqual([
      expect.objectContaining({ id: 'm-1', ticketId: ticket.id }),
    ]);
    expect(current.tables.map((table) => table.name)).toContain('heads');
    expect((await ticketById(ticket.id, current))?.description).toBe(ticket.description);
  });
});

const EARLIER_STORES = {
  pages: '++seq, size',
  tickets: 'id',
  comments: 'id, ticketId',
  attachments: 'id, ticketId, sha256, uploaded',
  agents: 'id, email',
  teams: 'id',
  categories: 'id',
  macros: 'id',
  slaPolicies: 'id',
  outbox: '++seq, id, ticketId',
  rejections: 'id, at',
  meta: 'key',
  snapshots: 'key',
};
