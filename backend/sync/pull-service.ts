import { sql } from 'kysely';
import type { SyncEntity } from '../../shared/index';
import type { Database } from '../storage/database';
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
const BODY = sql.raw(
  `case c.entity ${Object.entries(ENTITY_TABLES)
    .map(([entity, table]) => `when '${entity}' then (select data from ${table} where id = c.entity_id)`)
    .join(' ')} end`,
);

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
    limit ${limit + 1}`.execute(database.db);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;

  const chunks: Buffer[] = [Buffer.from('{"changes":[')];
  let first = true;
  for (const row of page) {
    if (row.op !== 'delete' && row.data === null) continue;
    const head = `${first ? '' : ','}{"seq":${Number(row.seq)},"entity":${JSON.stringify(row.entity)},"id":${JSON.stringify(row.entity_id)},"op":"${row.op}"`;
    first = false;
    if (row.op === 'delete' || row.data === null) {
      chunks.push(Buffer.from(`${head}}`));
      continue;
    }
    chunks.push(Buffer.from(`${head},"data":`), Buffer.from(row.data), CLOSE);
  }
  const next = page.length > 0 ? Number(page[page.length - 1]!.seq) : cursor;
  chunks.push(Buffer.from(`],"cursor":${next},"hasMore":${hasMore}}`));
  return Buffer.concat(chunks);
}

const CLOSE = Buffer.from('}');
