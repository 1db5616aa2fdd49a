import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyPulledPage } from './apply-pulled-page';
import { MesaDb } from './db';
import { FOLD_AFTER, foldSmallPages, runsOf } from './fold-pages';
import { searchTickets } from './search-tickets';
import { cachedComments, cachedTickets } from './testing/cache-contents';
import { makeComment, makeTicket } from './testing/make-ticket';
import { freshDb } from './testing/test-db';
import { upsertChange, deleteChange, lastChangeSeq } from './testing/pulled-changes';

let db: MesaDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

it('folds a run of small pages into one row that reads back as the same cache', async () => {
  const tickets = Array.from({ length: 5 }, (_, i) => makeTicket({ title: `Printer ${i}` }));
  await applyPulledPage(
    tickets.map((t) => upsertChange('ticket', t)),
    lastChangeSeq(),
    db,
  );
  // A sync a page: renames, a comment, a deletion, a rename back.
  for (let i = 0; i < FOLD_AFTER + 4; i++) {
    const ticket = tickets[i % 4]!;
    await applyPulledPage(
      [upsertChange('ticket', { ...ticket, title: `Printer ${i % 4} renamed ${i}` })],
      lastChangeSeq(),
      db,
    );
  }
  await applyPulledPage(
    [
      upsertChange('comment', makeComment(tickets[0]!.id, 'Toner replaced')),
      deleteChange('ticket', tickets[4]!.id),
    ],
    lastChangeSeq(),
    db,
  );
  const before = { tickets: await cachedTickets(db), comments: await cachedComments(db) };
  const rowsBefore = await db.pages.count();

  expect(await foldSmallPages(db)).toBe(rowsBefore - 1);
  expect(await db.pages.count()).toBe(1);

  // A start after the fold (a new connection builds its view from the rows) shows the same.
  const reopened = new MesaDb(db.name);
  const sortById = <T extends { id: string }>(rows: T[]) =>
    [...rows].sort((a, b) => a.id.localeCompare(b.id));
  expect(sortById(await cachedTickets(reopened))).toEqual(sortById(before.tickets));
  expect(await cachedComments(reopened)).toEqual(before.comments);
  expect((await searchTickets('toner', 10, reopened)).map((t) => t.id)).toEqual([tickets[0]!.id]);
  reopened.close();
});

it('leaves a few small pages alone, and never folds across a large one', async () => {
  expect(runsOf([1, 2, 3, 4, 5, 6], new Set([1, 2, 4, 5, 6]))).toEqual([
    [1, 2],
    [4, 5, 6],
  ]);
  expect(runsOf([1, 2, 3], new Set([2]))).toEqual([]);
  await applyPulledPage([upsertChange('ticket', makeTicket())], lastChangeSeq(), db);
  await applyPulledPage([upsertChange('ticket', makeTicket())], lastChangeSeq(), db);
  expect(await foldSmallPages(db)).toBe(0);
  expect(await db.pages.count()).toBe(2);
});
