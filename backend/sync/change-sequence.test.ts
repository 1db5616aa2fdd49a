import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/index';
import type { HttpClient } from '../testing/http-client';
import { TEST_DIALECTS, mutations, startTestBackend, type TestBackend } from '../testing/test-backend';

/**
 * The property the change sequence exists for: a client that pulls "after N" while
 * others write never skips a change. With a plain PostgreSQL sequence, writer A could
 * take 7 and commit after writer B committed 8; a pull in between returns 8, the client
 * moves its cursor past 7, and 7 is lost. Here many writers push at once while a puller
 * pages with a small limit; every change must reach it, in order, without a gap.
 */
describe.each(TEST_DIALECTS)('change sequence under concurrent writers (%s)', (dialect) => {
  let t: TestBackend;
  let writers: HttpClient[];
  beforeAll(async () => {
    t = await startTestBackend(dialect);
    writers = await Promise.all(
      ['agent@example.com', 'admin@example.com', 'lucia@example.com', 'sam@example.com'].map((e) =>
        t.login(e),
      ),
    );
  });
  afterAll(() => t?.close());

  it('a puller looping during parallel pushes sees every sequence number, in order, with no gap', async () => {
    const puller = writers[0]!;
    const start = (await t.pullAll(puller)).at(-1)?.seq ?? 0;
    const WRITERS = 8;
    const BATCHES = 12;
    let writing = true;
    const pushes = Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let b = 0; b < BATCHES; b += 1) {
          const batch = Array.from({ length: 1 + ((w + b) % 4) }, () => mutations.create());
          await t.push(writers[w % writers.length]!, batch, `writer-${w}`);
        }
      }),
    ).finally(() => {
      writing = false;
    });

    const seen: number[] = [];
    let cursor = start;
    const pullOnce = async () => {
      const res = await puller.get<PullResponse>(`/api/v1/sync/pull?cursor=${cursor}&limit=13`);
      expect(res.status).toBe(200);
      for (const change of res.body.changes) {
        // Only creates happen here, so each change is a new entity and the log has no holes.
        expect(change.seq).toBe((seen.at(-1) ?? start) + 1);
        seen.push(change.seq);
      }
      cursor = res.body.cursor;
      return res.body.hasMore;
    };
    while (writing) await pullOnce();
    await pushes;
    while (await pullOnce());

    const table = await t.backend.services.database.db
      .selectFrom('changes')
      .select('seq')
      .where('seq', '>', start)
      .orderBy('seq')
      .execute();
    expect(seen).toEqual(table.map((r) => Number(r.seq)));
    expect(seen.length).toBeGreaterThanOrEqual(WRITERS * BATCHES);
    const counter = await sql<{
      value: number;
    }>`select value from sync_counter where name = 'changes'`.execute(t.backend.services.database.db);
    expect(Number(counter.rows[0]!.value)).toBe(seen.at(-1));
  });
});
