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
 * would cost more than the query).
 *
 * The body may be newer than the change's seq if the entity changed again in between;
 * that newer change follows later in the log, so the client ends at the same state. An
 * upsert whose row has meanwhile gone is left out: its tombstone follows.
 */
export async function pullPage(database: Database, cursor: number, limit: number): Promise<Buffer> {
  const { sqlite } = database;
  if (sqlite) {
    // Run while holding Kysely's one connection, so a write transaction in progress is
    // waited for, never read into.
    const entries = await database.db.connection().execute(
      async () =>
        prepared(sqlite, SQLITE_ENTRIES_SQL)
          .raw()
          .all({ cursor, limit: limit + 1 }) as EntryRow[],
    );
    return joinEntries(entries, cursor, limit);
  }
  return assemblePage(await changeRows(database, cursor, limit + 1), cursor, limit);
}

/**
 * On SQLite each change's JSON is written by the query, one blob a row (null when its
 * row has gone: `||` with a null is null), and the page is those blobs joined in JS by a
 * single Buffer.concat. One query level, so the rows come in its ORDER BY's order, which
 * SQLite guarantees, read along the seq index without a sort. Joining them inside SQL with
 * group_concat would rest on the aggregate keeping a subquery's order, which SQLite does
 * not promise, and the ordered aggregate sorts the whole page once more. Assembling the
 * same JSON from string columns costs several times more (3,000 small Buffers encoded from
 * 1,000 strings). The bytes are assemblePage's, seq order included (pull-service.test.ts).
 */
const SQLITE_ENTRIES_SQL = `select c.seq, cast(case
      when c.op = 'delete' then concat('{"seq":', c.seq, ',"entity":', json_quote(c.entity), ',"id":', json_quote(c.entity_id), ',"op":"delete"}')
      else concat('{"seq":', c.seq, ',"entity":', json_quote(c.entity), ',"id":', json_quote(c.entity_id), ',"op":', json_quote(c.op), ',"data":') || ${BODY_SQL} || '}'
    end as blob)
  from changes c where c.seq > @cursor order by c.seq limit @limit`;

/** seq and the change's JSON (null for an upsert whose row has gone). */
type EntryRow = [seq: number, json: Buffer | null];

const COMMA = Buffer.from(',');

function joinEntries(rows: EntryRow[], cursor: number, limit: number): Buffer {
  const hasMore = rows.length > limit;
  const count = hasMore ? limit : rows.length;
  const chunks: Buffer[] = [PAGE_HEAD];
  for (let i = 0; i < count; i += 1) {
    const json = rows[i]![1];
    if (json === null) continue;
    if (chunks.length > 1) chunks.push(COMMA);
    chunks.push(json);
  }
  const next = count > 0 ? Number(rows[count - 1]![0]) : cursor;
  chunks.push(Buffer.from(`],"cursor":${next},"hasMore":${hasMore}}`));
  return Buffer.concat(chunks);
}

const PAGE_HEAD = Buffer.from('{"changes":[');

/** seq, entity, entity id, op, body (null for a delete or a row since gone). */
export type PageRow = [seq: number, entity: string, id: string, op: string, data: string | null];

/**
 * The page from its rows (`limit` + 1 of them, to tell whether more follow), assembled from
 * Buffers: joining 1,000 large strings and encoding the result costs several times more.
 */
export function assemblePage(rows: PageRow[], cursor: number, limit: number): Buffer {
  const hasMore = rows.length > limit;
  const count = hasMore ? limit : rows.length;

  const chunks: Buffer[] = [PAGE_HEAD];
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

/** The changes after `cursor` with their bodies, in any dialect (PostgreSQL's pull, and the SQLite page's test). */
export async function changeRows(database: Database, cursor: number, limit: number): Promise<PageRow[]> {
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
