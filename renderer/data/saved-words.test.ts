import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyPulledPage } from './apply-pulled-page';
import { MesaDb } from './db';
import { searchTickets } from './search-tickets';
import { makeComment, makeTicket } from './testing/make-ticket';
import { freshDb } from './testing/test-db';
import { ticketMemoryIndex } from './ticket-memory-index';
import { upsertChange, lastChangeSeq } from './testing/pulled-changes';

/** The search words are saved after a sync, so a start searches at once instead of re-reading every text. */

let db: MesaDb;
const ids = async (query: string, cache: MesaDb) => (await searchTickets(query, 10, cache)).map((t) => t.id);

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

it('a start restores the saved words: search answers with no word left to make, pages after the save included', async () => {
  const printer = makeTicket({ title: 'Impresora atascada' });
  const vpn = makeTicket({ title: 'VPN caída' });
  await applyPulledPage(
    [
      upsertChange('ticket', printer),
      upsertChange('ticket', vpn),
      upsertChange('comment', makeComment(vpn.id, 'Reinstalé el cliente')),
    ],
    lastChangeSeq(),
    db,
  );
  ticketMemoryIndex(db).warm();
  await expect.poll(async () => (await db.snapshots.get('words'))?.pageSeq, { timeout: 10_000 }).toBe(1);
  // A page after the save: its ticket must be found after the start too.
  const late = makeTicket({ title: 'Monitor parpadea' });
  await applyPulledPage([upsertChange('ticket', late)], lastChangeSeq(), db);

  const started = new MesaDb(db.name);
  const index = ticketMemoryIndex(started);
  await index.facetsReady();
  expect(index.size).toBe(3);
  expect(await ids('impresora', started)).toEqual([printer.id]);
  expect(await ids('reinstale', started)).toEqual([vpn.id]);
  expect(await ids('monitor', started)).toEqual([late.id]);
  started.close();
});

it('with the words saved and nothing after them, a start has no words to make (without them, every ticket)', async () => {
  const printer = makeTicket({ title: 'Impresora atascada' });
  await applyPulledPage([upsertChange('ticket', printer)], lastChangeSeq(), db);
  ticketMemoryIndex(db).warm();
  await expect.poll(async () => (await db.snapshots.get('words'))?.pageSeq, { timeout: 10_000 }).toBe(1);

  const started = new MesaDb(db.name);
  const index = ticketMemoryIndex(started);
  await index.facetsReady();
  await index.restoreWords();
  expect(index.wordsBehind).toBe(0);
  expect(await ids('atascada', started)).toEqual([printer.id]);
  started.close();

  await db.snapshots.clear();
  const unsaved = new MesaDb(db.name);
  const cold = ticketMemoryIndex(unsaved);
  await cold.facetsReady();
  await cold.restoreWords();
  expect(cold.wordsBehind).toBe(1);
  unsaved.close();
});
