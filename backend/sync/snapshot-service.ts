import { sql, type RawBuilder } from 'kysely';
import {
  SNAPSHOT_PHASES,
  snapshotPositionSchema,
  type Agent,
  type SnapshotPhase,
  type SnapshotPosition,
} from '../../shared/index';
import type { Database, Dialect, Tx } from '../storage/database';

/** A snapshot row: its change number, entity, id and stored JSON. */
type Row = [seq: number, entity: string, id: string, data: string];

const OPEN = sql.raw(`('new', 'assigned', 'in_progress', 'pending')`);
const REFERENCE = [
  ['agent', 'agents'],
  ['team', 'teams'],
  ['category', 'categories'],
  ['sla_policy', 'sla_policies'],
  ['macro', 'macros'],
] as const;
/*
 * The joins are written as CROSS JOIN with their conditions in WHERE: SQLite then keeps the
 * tables in the order written (the page's table first, its change looked up by key), where it
 * otherwise chose to walk the change log and sort (2 s a page at 100k). PostgreSQL plans a
 * CROSS JOIN with conditions like any inner join.
 */
const CHILDREN = {
  orphan_comments: ['comment', 'comments'],
  orphan_attachments: ['attachment', 'attachments'],
} as const;

export interface SnapshotPage {
  rows: Row[];
  position: SnapshotPosition;
}

/**
 * One page of the snapshot as of change number N (docs/sync-protocol.md, "Snapshot").
 *
 * A row goes out only while its change number is ≤ N: its current JSON is then exactly its
 * state at N. A row changed after N is left out here and reaches the client through the
 * pull from N, which always follows; so the snapshot never carries a copy newer than N and
 * never overwrites one. Because the rows that go out cannot change, neither can the bucket
 * (open or not) that orders them, and paging by (phase, id) skips nothing. Comments and
 * attachments go with their ticket; those whose ticket changed after N would be stranded
 * (the pull brings the ticket, not its older children), so the last phases send them.
 *
 * Null when `from` is ahead of this server's sequence (a cursor from another server).
 *
 * Each page is read in one transaction (REPEATABLE READ on PostgreSQL; on SQLite one
 * connection, whose read transaction sees one state of the WAL), so a row and its change
 * number agree.
 */
export async function snapshotPage(
  database: Database,
  agent: Agent,
  from: SnapshotPosition | null,
  limit: number,
): Promise<SnapshotPage | null> {
  let begin = database.db.transaction();
  if (database.dialect === 'postgres')
    begin = begin.setIsolationLevel('repeatable read').setAccessMode('read only');
  return begin.execute(async (trx) => {
    const position = from ?? (await startPosition(trx, agent));
    // A cursor from another server (or a restored backup) cannot be continued here.
    if (from && from.n > (await currentSeq(trx))) return null;
    return readPage(trx, database.dialect, agent.id, position, limit);
  });
}

async function startPosition(trx: Tx, agent: Agent): Promise<SnapshotPosition> {
  // The first statement of the transaction: the count and every page after agree on N.
  const n = await currentSeq(trx);
  const { rows } = await sql<{ total: number }>`
    select count(*) as total from changes where entity = 'ticket' and op = 'upsert' and seq <= ${n}`.execute(
    trx,
  );
  return {
    n,
    phase: 'reference',
    after: '',
    teams: agent.teamIds,
    sent: 0,
    total: Number(rows[0]?.total ?? 0),
  };
}

async function readPage(
  trx: Tx,
  dialect: Dialect,
  me: string,
  start: SnapshotPosition,
  limit: number,
): Promise<SnapshotPage> {
  const rows: Row[] = [];
  const at = { ...start };
  if (at.phase === 'reference') {
    for (const [entity, table] of REFERENCE) rows.push(...(await referenceRows(trx, entity, table, at.n)));
    move(at, 'mine');
  }
  let tickets = 0;
  while ((at.phase === 'mine' || at.phase === 'open' || at.phase === 'history') && tickets < limit) {
    const want = limit - tickets;
    const page = await ticketRows(trx, ticketFilter(at.phase, me, at.teams, dialect), at.after, at.n, want);
    rows.push(...page);
    tickets += page.length;
    at.sent += page.length;
    if (page.length) {
      const ids = page.map((r) => r[2]);
      rows.push(...(await childRows(trx, 'comment', 'comments', ids, at.n)));
      rows.push(...(await childRows(trx, 'attachment', 'attachments', ids, at.n)));
    }
    if (page.length < want) move(at, next(at.phase));
    else at.after = page.at(-1)![2];
  }
  let strays = 0;
  while ((at.phase === 'orphan_comments' || at.phase === 'orphan_attachments') && tickets + strays < limit) {
    const [entity, table] = CHILDREN[at.phase];
    const want = limit - tickets - strays;
    const page = await strandedRows(trx, entity, table, at.after, at.n, want);
    rows.push(...page);
    strays += page.length;
    if (page.length < want) move(at, next(at.phase));
    else at.after = page.at(-1)![2];
  }
  return { rows, position: at };
}

function move(at: SnapshotPosition, phase: SnapshotPhase): void {
  at.phase = phase;
  at.after = '';
}

const next = (phase: SnapshotPhase): SnapshotPhase =>
  SNAPSHOT_PHASES[SNAPSHOT_PHASES.indexOf(phase) + 1] ?? 'done';

/**
 * The agent's open tickets (assigned to them or to one of their teams), other open tickets,
 * the rest. On SQLite the filtered columns are written `+t.x`, which keeps the planner off
 * their indexes: a page then walks the id index and stops at its limit, where a status or
 * assignee index made it read and sort every open ticket for each page (about 0.4 s a page
 * at 100k). PostgreSQL has no such operator on text and plans this well without it.
 */
function ticketFilter(
  phase: 'mine' | 'open' | 'history',
  me: string,
  teams: readonly string[],
  dialect: Dialect,
): RawBuilder<unknown> {
  const column = (name: 'status' | 'assignee_id' | 'team_id') =>
    sql.raw(dialect === 'sqlite' ? `+t.${name}` : `t.${name}`);
  const [status, assignee, team] = [column('status'), column('assignee_id'), column('team_id')];
  const inTeams = teams.length ? sql`(${team} is not null and ${team} in (${sql.join(teams)}))` : sql`1 = 0`;
  const mine = sql`((${assignee} is not null and ${assignee} = ${me}) or ${inTeams})`;
  if (phase === 'mine') return sql`${status} in ${OPEN} and ${mine}`;
  if (phase === 'open') return sql`${status} in ${OPEN} and not ${mine}`;
  return sql`${status} not in ${OPEN}`;
}

async function referenceRows(trx: Tx, entity: string, table: string, n: number): Promise<Row[]> {
  const { rows } = await sql<RowShape>`
    select c.seq, x.id, x.data from ${sql.table(table)} x
    cross join changes c
    where c.entity = ${entity} and c.entity_id = x.id and c.seq <= ${n} order by x.id`.execute(trx);
  return rows.map((r) => [Number(r.seq), entity, r.id, r.data]);
}

async function ticketRows(
  trx: Tx,
  filter: RawBuilder<unknown>,
  after: string,
  n: number,
  limit: number,
): Promise<Row[]> {
  const { rows } = await sql<RowShape>`
    select c.seq, t.id, t.data from tickets t
    cross join changes c
    where ${filter} and t.id > ${after} and c.entity = 'ticket' and c.entity_id = t.id and c.seq <= ${n}
    order by t.id limit ${limit}`.execute(trx);
  return rows.map((r) => [Number(r.seq), 'ticket', r.id, r.data]);
}

async function childRows(
  trx: Tx,
  entity: string,
  table: string,
  ticketIds: string[],
  n: number,
): Promise<Row[]> {
  const { rows } = await sql<RowShape>`
    select c.seq, x.id, x.data from ${sql.table(table)} x
    cross join changes c
    where x.ticket_id in (${sql.join(ticketIds)}) and c.entity = ${entity} and c.entity_id = x.id and c.seq <= ${n}`.execute(
    trx,
  );
  return rows.map((r) => [Number(r.seq), entity, r.id, r.data]);
}

/** Children as of N whose ticket changed after N: the ticket phases left them out with it. */
async function strandedRows(
  trx: Tx,
  entity: string,
  table: string,
  after: string,
  n: number,
  limit: number,
): Promise<Row[]> {
  const { rows } = await sql<RowShape>`
    select c.seq, x.id, x.data from changes tc
    cross join ${sql.table(table)} x
    cross join changes c
    where tc.entity = 'ticket' and tc.seq > ${n} and x.ticket_id = tc.entity_id
      and c.entity = ${entity} and c.entity_id = x.id and c.seq <= ${n} and x.id > ${after}
    order by x.id limit ${limit}`.execute(trx);
  return rows.map((r) => [Number(r.seq), entity, r.id, r.data]);
}

async function currentSeq(trx: Tx): Promise<number> {
  const { rows } = await sql<{
    value: number;
  }>`select value from sync_counter where name = 'changes'`.execute(trx);
  return Number(rows[0]?.value ?? 0);
}

interface RowShape {
  seq: number;
  id: string;
  data: string;
}

/** The cursor the client holds: the position as base64url JSON. */
export function encodeSnapshotCursor(position: SnapshotPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position in a cursor, or null when it is not one a server gave out. */
export function decodeSnapshotCursor(cursor: string): SnapshotPosition | null {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    json = null;
  }
  const parsed = snapshotPositionSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

const PAGE_HEAD = Buffer.from('{"changes":[');

/** The page as JSON bytes, the stored entity JSON copied in as it is (as the pull does). */
export function snapshotBody(page: SnapshotPage): Buffer {
  const chunks: Buffer[] = [PAGE_HEAD];
  page.rows.forEach(([seq, entity, id, data], i) => {
    chunks.push(
      Buffer.from(
        `${i ? ',' : ''}{"seq":${seq},"entity":${JSON.stringify(entity)},"id":${JSON.stringify(id)},"op":"upsert","data":`,
      ),
    );
    chunks.push(Buffer.from(data), CLOSE);
  });
  const { position } = page;
  const tail = {
    cursor: encodeSnapshotCursor(position),
    asOf: position.n,
    hasMore: position.phase !== 'done',
    tickets: { sent: position.sent, total: position.total },
  };
  chunks.push(Buffer.from(`],${JSON.stringify(tail).slice(1)}`));
  return Buffer.concat(chunks);
}

const CLOSE = Buffer.from('}');
