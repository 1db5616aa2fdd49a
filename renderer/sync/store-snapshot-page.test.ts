import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SnapshotResponse, Ticket } from '../../shared/index';
import type { MesaDb } from '../data/db';
import { readCursor, readMeta } from '../data/meta';
import { ticketById } from '../data/ticket-queries';
import { alwaysOpenPolicy, makeTicket } from '../data/testing/make-ticket';
import { freshDb } from '../data/testing/test-db';
import { ticketMemoryIndex } from '../data/ticket-memory-index';
import { storeSnapshotPage } from './store-snapshot-page';
import { upsertChange } from '../data/testing/pulled-changes';

let db: MesaDb;

function snapshotPage(tickets: Ticket[], sent: number, hasMore: boolean): SnapshotResponse {
  return {
    changes: tickets.map((t) => upsertChange('ticket', t)),
    cursor: `after-${sent}`,
    asOf: 90,
    hasMore,
    tickets: { sent, total: 4 },
  };
}

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

describe('storeSnapshotPage', () => {
  // The coordinator starts loading the memory view as the first sync begins, and each page's
  // commit reaches the view a moment after the page is stored: the next page comes meanwhile.
  it('stores pages that arrive while the memory view is still loading or taking the last page', async () => {
    await storeSnapshotPage(
      { ...snapshotPage([], 0, true), changes: [upsertChange('sla_policy', alwaysOpenPolicy())] },
      db,
    );
    const [a, b, c, d] = [1, 2, 3, 4].map((n) => makeTicket({ number: `INC-${n}` }));
    ticketMemoryIndex(db).warmFacets();
    await storeSnapshotPage(snapshotPage([a!, b!], 2, true), db);
    await storeSnapshotPage(snapshotPage([c!, d!], 4, false), db);

    for (const ticket of [a, b, c, d])
      expect((await ticketById(ticket!.id, db))?.number).toBe(ticket!.number);
    expect(await readCursor(db)).toBe(90);
    expect(await readMeta(db, 'snapshot')).toBeUndefined();
  });
});
