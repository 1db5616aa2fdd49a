import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyPulledPage } from './apply-pulled-page';
import { MesaDb } from './db';
import { searchTickets } from './search-tickets';
import { makeTicket } from './testing/make-ticket';
import { freshDb } from './testing/test-db';
import { upsertChange, lastChangeSeq } from './testing/pulled-changes';

/**
 * Saved words in a shape this code does not read (the earlier dictionary-and-terms one,
 * or a damaged row) are not trusted: the start makes the words again from the tickets,
 * so a search finds what the tickets say, not what the stale row said.
 */

let db: MesaDb;
const ids = async (query: string, cache: MesaDb) => (await searchTickets(query, 10, cache)).map((t) => t.id);

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

it.each([
  [
    'the earlier shape',
    (keys: string[]) => ({
      words: ['fantasma'],
      keys,
      offsets: Uint32Array.from([0, 1, 2]),
      terms: Uint32Array.from([0, 0]),
    }),
  ],
  [
    'a damaged row',
    (keys: string[]) => ({
      version: 2,
      keys,
      words: 'fantasma',
      wordEnds: Uint32Array.from([8]),
      postingStarts: Uint32Array.from([0, 2]),
      postings: Uint32Array.from([0, 9]),
    }),
  ],
])('%s of saved words is not read: the start makes the words from the tickets', async (_, savedWords) => {
  const printer = makeTicket({ title: 'Impresora atascada' });
  const vpn = makeTicket({ title: 'VPN caída' });
  await applyPulledPage([upsertChange('ticket', printer), upsertChange('ticket', vpn)], lastChangeSeq(), db);
  await db.snapshots.put({
    key: 'words',
    pageSeq: lastChangeSeq(),
    snapshot: savedWords([printer.id, vpn.id]),
  });

  const started = new MesaDb(db.name);
  expect(await ids('impresora', started)).toEqual([printer.id]);
  expect(await ids('vpn', started)).toEqual([vpn.id]);
  expect(await ids('fantasma', started)).toEqual([]);
  started.close();
});
