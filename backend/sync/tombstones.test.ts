import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/index';
import { TEST_DIALECTS, startTestBackend, type TestBackend } from '../testing/test-backend';
import { writeTransaction } from './change-log';

describe.each(TEST_DIALECTS)('change log: replaced rows and tombstones (%s)', (dialect) => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await startTestBackend(dialect);
  });
  afterAll(() => t?.close());

  it('an entity changed twice is pulled once with its latest data; a delete leaves a tombstone', async () => {
    const agent = await t.login();
    const { db } = t.backend.services.database;
    const start = (await t.pullAll(agent)).at(-1)!.seq;
    const macro = {
      id: crypto.randomUUID(),
      name: 'Saludo',
      body: 'Hola',
      visibility: 'public',
      setStatus: null,
      setCategory: null,
      active: true,
    };

    await writeTransaction(t.backend.services.database, async (log) => {
      await log.trx
        .insertInto('macros')
        .values({ id: macro.id, data: JSON.stringify(macro) })
        .execute();
      log.changed('macro', macro.id);
    });
    await writeTransaction(t.backend.services.database, async (log) => {
      await log.trx
        .updateTable('macros')
        .set({ data: JSON.stringify({ ...macro, body: 'Buenos días' }) })
        .where('id', '=', macro.id)
        .execute();
      log.changed('macro', macro.id);
    });
    let page = (await agent.get<PullResponse>(`/api/v1/sync/pull?cursor=${start}`)).body;
    expect(page.changes).toEqual([
      {
        seq: start + 2,
        entity: 'macro',
        id: macro.id,
        op: 'upsert',
        data: { ...macro, body: 'Buenos días' },
      },
    ]);

    const { latestSeq } = await writeTransaction(t.backend.services.database, async (log) => {
      await log.trx.deleteFrom('macros').where('id', '=', macro.id).execute();
      log.deleted('macro', macro.id);
    });
    expect(latestSeq).toBe(start + 3);
    page = (await agent.get<PullResponse>(`/api/v1/sync/pull?cursor=${start}`)).body;
    expect(page.changes).toEqual([{ seq: start + 3, entity: 'macro', id: macro.id, op: 'delete' }]);
    expect(
      await db.selectFrom('changes').selectAll().where('entity_id', '=', macro.id).execute(),
    ).toHaveLength(1);
  });
});
