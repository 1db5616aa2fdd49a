import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/index';
import { mutations, startTestBackend, TEST_DIALECTS, type TestBackend } from '../testing/test-backend';
import { writeTransaction } from './change-log';
import { PageCache } from './page-cache';

describe.each(TEST_DIALECTS)('the shared pull page (%s)', (dialect) => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await startTestBackend(dialect);
  });
  afterAll(() => t?.close());

  it('reads a page once for any number of identical pulls, and afresh once the sequence moves', async () => {
    const { database, notifier } = t.backend.services;
    const cache = new PageCache(database);
    const cursor = notifier.latest;
    const pages = await Promise.all(Array.from({ length: 1000 }, () => cache.page(cursor, 500)));
    expect(new Set(pages).size).toBe(1);
    expect((JSON.parse(pages[0]!.toString()) as PullResponse).changes).toEqual([]);

    const created = mutations.create();
    await t.push(await t.login(), [created]);
    const after = JSON.parse((await cache.page(cursor, 500)).toString()) as PullResponse;
    expect(after.changes.map((c) => c.id)).toContain(created.args.ticketId);
    expect(await cache.page(cursor, 500)).not.toBe(pages[0]);
  });

  it('never answers from before a committed change, even one nobody announced', async () => {
    const { database, notifier } = t.backend.services;
    const cache = new PageCache(database);
    const cursor = notifier.latest;
    await cache.page(cursor, 500);
    // A write that goes straight to the change log: no announcement reaches this process
    // (as with another instance's commit whose NOTIFY is still on its way).
    const id = crypto.randomUUID();
    const macro = {
      id,
      name: 'Saludo',
      body: 'Hola',
      visibility: 'public',
      setStatus: null,
      setCategory: null,
      active: true,
    };
    const { latestSeq } = await writeTransaction(database, async (log) => {
      await log.trx
        .insertInto('macros')
        .values({ id, data: JSON.stringify(macro) })
        .execute();
      log.changed('macro', id);
    });
    // On SQLite nothing announces this write; on PostgreSQL the write's own NOTIFY may or may
    // not have arrived by now, so only SQLite can pin the unannounced case down.
    if (dialect === 'sqlite') expect(notifier.latest).toBeLessThan(latestSeq);
    const after = JSON.parse((await cache.page(cursor, 500)).toString()) as PullResponse;
    expect(after.changes.map((c) => c.seq)).toContain(latestSeq);
  });
});
