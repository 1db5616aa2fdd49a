import { sql } from 'kysely';
import type { SyncEntity } from '../../shared/index';
import type { Database } from '../storage/database';
import { prepared } from '../storage/sqlite-direct';
import type { Schema } from '../storage/schema';

/** Where each syncable entity's current JSON lives. */
const ENTITY_TABLES: Record<
  SyncEntity,
  keyof Schema &
    ('tickets' | 'comments' | 'attachments' | 'agents' | 'teams' | 'sla_policies' | 'categories' | 'macros')
> = {
  ticket: 'tickets',
  comment: 'comments',
  attachment: 'attachments',
  agent: 'agents',
  team: 'teams',
  sla_policy: 'sla_policies',
  category: 'categories',
  macro: 'macros',
};

// Table names come from the constant above, never from input.
const BODY_SQL = `case c.entity ${Object.entries(ENTITY_TABLES)
  .map(([entity, table]) => `when '${entity}' then (select data from ${table} where id = c.entity_id)`)
  .join(' ')} end`;
const BODY = sql.raw(BODY_SQL);

/**
 * One page of changes after a cursor, already serialized as UTF-8 bytes: each change with
 * its entity's current JSON, looked up in the entity's table by a CASE of correlated
 * subqueries (only the matching branch runs: one primary-key probe per row, one query per
 * page), and copied into the answer as stored (parsing and re-stringifying 1,000 tickets
 * would cost more than the query). The answer is assembled from Buffers: joining 1,000
 * large strings and encoding the result costs several times more. The bodies come back
 * as strings, not blobs (cast(data as blob)): 1,000 separately allocated Buffers a page
 * made SQLite's part 5–14 ms against 3–4 ms and set off long stretches of garbage
 * collection, while encoding each string into its Buffer costs ~2 ms a page.
 *
 * The body may be newer than the change's seq if the entity changed again in between;
 * that newer change follows later in the log, so the client ends at the same state. An
 * upsert whose row has meanwhile gone is left out: its tombstone follows.
 */
export async function pullPage(database: Database, cursor: number, limit: number): Promise<Buffer> {
  const rows = await pageRows(database, cursor, limit + 1);
  const hasMore = rows.length > limit;
  const count = hasMore ? limit : rows.length;

  const chunks: Buffer[] = [Buffer.from('{"changes":[')];
  let first = true;
  for (let i = 0; i < count; i += 1) {
    const [seq, entity, id, op, data] = rows[i]!;
    if (op !== 'delete' && data === null) continue;
    const head = `${first ? '' : ','}{"seq":${Number(seq)},"entity":${JSON.stringify(entity)},"id":${JSON.stringify(id)},"op":"${op}"`;
    first = false;
    if (op === 'delete' || data === null) {
      chunks.push(Buffer.from(`${head}}`));
      continue;
    }
    chunks.push(Buffer.from(`${head},"data":`), Buffer.from(data), CLOSE);
  }
  const next = count > 0 ? Number(rows[count - 1]![0]) : cursor;
  chunks.push(Buffer.from(`],"cursor":${next},"hasMore":${hasMore}}`));
  return Buffer.concat(chunks);
}

/** seq, entity, entity id, op, body (null for a delete or a row since gone). */
type PageRow = [seq: number, entity: string, id: string, op: string, data: string | null];

const PAGE_SQL = `select c.seq, c.entity, c.entity_id, c.op, ${BODY_SQL} as data
  from changes c where c.seq > ? order by c.seq limit ?`;

async function pageRows(database: Database, cursor: number, limit: number): Promise<PageRow[]> {
  const { sqlite } = database;
  if (sqlite) {
    // Rows as arrays from a statement prepared once: 1,000 five-field objects a page, and
    // Kysely compiling the query, took about 1 ms of a page's ~6 ms of CPU here (pullPage
    // in process, 5,000-ticket log). Run while holding Kysely's one connection, so a write
    // transaction in progress is waited for, never read into.
    return database.db
      .connection()
      .execute(async () => prepared(sqlite, PAGE_SQL).raw().all(cursor, limit) as PageRow[]);
  }
  const { rows } = await sql<{
    seq: number;
    entity: string;
    entity_id: string;
    op: string;
    data: string | null;
  }>`
    select c.seq, c.entity, c.entity_id, c.op, ${BODY} as data
    from changes c
    where c.seq > ${cursor}
    order by c.seq
    limit ${limit}`.execute(database.db);
  return rows.map((r) => [r.seq, r.entity, r.entity_id, r.op, r.data]);
}

const CLOSE = Buffer.from('}');
