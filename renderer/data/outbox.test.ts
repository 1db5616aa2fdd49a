import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MesaDb } from './db';
import { nextOutboxBatch } from './outbox';
import { queuedComment } from './testing/outbox-entries';
import { freshDb } from './testing/test-db';

let db: MesaDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

describe('nextOutboxBatch', () => {
  it('takes the oldest entries, in order, up to the count', async () => {
    const entries = Array.from({ length: 5 }, (_, i) => queuedComment(`Note ${i}`));
    await db.outbox.bulkAdd(entries);
    expect((await nextOutboxBatch(db, 3)).map((e) => e.id)).toEqual(entries.slice(0, 3).map((e) => e.id));
  });

  it('stops before the request would pass the byte budget, counting UTF-8 bytes', async () => {
    // 'é' is one UTF-16 unit and two UTF-8 bytes: each envelope is ~1 KB in UTF-8, under 600 units.
    const entries = [
      queuedComment('é'.repeat(400)),
      queuedComment('é'.repeat(400)),
      queuedComment('é'.repeat(400)),
    ];
    await db.outbox.bulkAdd(entries);
    expect((await nextOutboxBatch(db, 10, 2_500)).map((e) => e.id)).toEqual(
      entries.slice(0, 2).map((e) => e.id),
    );
  });

  it('always sends the oldest entry, however large, so the outbox cannot stick', async () => {
    const entries = [queuedComment('x'.repeat(5_000)), queuedComment('small')];
    await db.outbox.bulkAdd(entries);
    expect((await nextOutboxBatch(db, 10, 1_000)).map((e) => e.id)).toEqual([entries[0]!.id]);
  });
});
