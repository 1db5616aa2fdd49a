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
    return database.db
      .connection()
      .execute(async () => prepared(sqlite, SQLITE_PAGE_SQL).pluck().get({ cursor, limit }) as Buffer);
  }
  return assemblePage(await changeRows(database, cursor, limit + 1), cursor, limit);
}

/**
 * On SQLite the query itself writes the whole page, as one blob. Assembled in JavaScript
 * the same page was 1,000 strings read out of SQLite, 3,000 small Buffers encoded from
 * them and a 1.2 MB Buffer.concat: pullPage in process on a page of 1,000 ticket creates
 * took 4.8 ms that way and 1.6 ms with the changes joined in SQL (medians of 40, loaded
 * 2-core VM); the head and tail are in SQL too, so the page is not copied once more into
 * a Buffer.concat. The aggregate has no ORDER BY of its own: it takes the rows in the
 * order the subquery yields them (its ORDER BY stays in force, the LIMIT depends on it),
 * while an ordered group_concat sorts the 1.2 MB once more (7 ms). The bytes are
 * assemblePage's, seq order included (pull-service.test.ts).
 */
const SQLITE_PAGE_SQL = `select cast(concat('{"changes":[', coalesce(body, ''), '],"cursor":', coalesce(last, cast(@cursor as integer)),
    ',"hasMore":', case when n = @limit and exists (select 1 from changes where seq > last) then 'true' else 'false' end,
    '}') as blob)
  from (select count(*) as n, max(seq) as last, group_concat(
      case
        when op = 'delete' then concat('{"seq":', seq, ',"entity":', json_quote(entity), ',"id":', json_quote(entity_id), ',"op":"delete"}')
        when data is not null then concat('{"seq":', seq, ',"entity":', json_quote(entity), ',"id":', json_quote(entity_id), ',"op":', json_quote(op), ',"data":', data, '}')
      end, ',') as body
    from (select c.seq, c.entity, c.entity_id, c.op, ${BODY_SQL} as data
      from changes c where c.seq > @cursor order by c.seq limit @limit))`;

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
