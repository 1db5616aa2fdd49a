import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/index';
import { mutations, startTestBackend, TEST_DIALECTS, type TestBackend } from '../testing/test-backend';
import { PageCache } from './page-cache';

describe.each(TEST_DIALECTS)('the shared pull page (%s)', (dialect) => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await startTestBackend(dialect);
  });
  afterAll(() => t?.close());

  it('reads a page once for any number of identical pulls, and afresh once the sequence moves', async () => {
    const { database, notifier } = t.backend.services;
    const cache = new PageCache(database, () => notifier.latest);
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
});
