import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/index';
import { seedDemo } from '../seed/demo-seed';
import { openDatabase, type Database } from '../storage/database';
import { writeTransaction } from './change-log';
import { assemblePage, changeRows, pullPage } from './pull-service';

describe('pull page on SQLite', () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mesa-pull-'));
    database = await openDatabase({ dataDir: dir });
    // Demo tickets bring comments and accented text: multi-byte UTF-8 in the bodies.
    await seedDemo(database, { tickets: 40, now: new Date('2026-03-02T10:00:00Z') });
    const macro = (id: string) => ({
      id,
      name: 'Adiós 👋',
      body: '"Hola"\n',
      visibility: 'public',
      setStatus: null,
      setCategory: null,
      active: true,
    });
    const deleted = crypto.randomUUID();
    const gone = crypto.randomUUID();
    await writeTransaction(database, async (log) => {
      for (const id of [deleted, gone]) {
        await log.trx
          .insertInto('macros')
          .values({ id, data: JSON.stringify(macro(id)) })
          .execute();
        log.changed('macro', id);
      }
    });
    // A tombstone, and an upsert whose row has gone without one (left out of the page).
    await writeTransaction(database, async (log) => {
      await log.trx.deleteFrom('macros').where('id', 'in', [deleted, gone]).execute();
      log.deleted('macro', deleted);
    });
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([1, 7, 1000])('is byte for byte the page assembled from its rows (limit %i)', async (limit) => {
    let pages = 0;
    let seen = 0;
    for (let cursor = 0; ; pages += 1) {
      const page = await pullPage(database, cursor, limit);
      expect(page.toString('utf8')).toBe(
        assemblePage(await changeRows(database, cursor, limit + 1), cursor, limit).toString('utf8'),
      );
      const parsed = JSON.parse(page.toString('utf8')) as PullResponse;
      const seqs = parsed.changes.map((c) => c.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      seen += parsed.changes.length;
      if (!parsed.hasMore) break;
      cursor = parsed.cursor;
    }
    expect(pages).toBeGreaterThan(limit === 1000 ? -1 : 10);
    expect(seen).toBeGreaterThan(40);
  });

  it('ends with the cursor it was given when nothing follows', async () => {
    const page = await pullPage(database, 1e9, 10);
    expect(page.toString('utf8')).toBe('{"changes":[],"cursor":1000000000,"hasMore":false}');
  });
});
