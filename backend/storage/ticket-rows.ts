import type { Attachment, Comment, Ticket } from '../../shared/index';
import { sql } from 'kysely';
import type { Db } from './database';
import { prepared, type DirectSqlite } from './sqlite-direct';

/** Statuses that count toward an agent's open load (shared isOpenStatus, as SQL). */
export const OPEN_STATUSES = ['new', 'assigned', 'in_progress', 'pending'] as const;

// The two queries every ticket mutation runs are plain SQL (the same in both dialects):
// building them with the query builder cost more than running them. Inside a push on
// SQLite they run as statements prepared once on the connection (see sqlite-direct): the
// same SQL with anonymous parameters.

const FIND_TICKET = 'select data from tickets where id = ?';
const TICKET_COLUMNS =
  'id, number, status, assignee_id, team_id, category, priority, created_at, updated_at, resolved_at, data';
const ON_CONFLICT = `on conflict (id) do update set number = excluded.number, status = excluded.status,
  assignee_id = excluded.assignee_id, team_id = excluded.team_id, category = excluded.category,
  priority = excluded.priority, updated_at = excluded.updated_at, resolved_at = excluded.resolved_at,
  data = excluded.data`;
const SAVE_TICKET = `insert into tickets (${TICKET_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ${ON_CONFLICT}`;

export async function findTicket(db: Db, id: string, direct?: DirectSqlite): Promise<Ticket | undefined> {
  const data = direct
    ? (prepared(direct, FIND_TICKET).pluck().get(id) as string | undefined)
    : (await sql<{ data: string }>`select data from tickets where id = ${id}`.execute(db)).rows[0]?.data;
  return data === undefined ? undefined : (JSON.parse(data) as Ticket);
}

/** Insert or replace a ticket; the indexed columns mirror the JSON. */
export async function saveTicket(db: Db, ticket: Ticket, direct?: DirectSqlite): Promise<void> {
  const r = ticketRow(ticket);
  if (direct) {
    prepared(direct, SAVE_TICKET).run(
      r.id,
      r.number,
      r.status,
      r.assignee_id,
      r.team_id,
      r.category,
      r.priority,
      r.created_at,
      r.updated_at,
      r.resolved_at,
      r.data,
    );
    return;
  }
  await sql`insert into tickets (${sql.raw(TICKET_COLUMNS)})
    values (${r.id}, ${r.number}, ${r.status}, ${r.assignee_id}, ${r.team_id}, ${r.category}, ${r.priority}, ${r.created_at}, ${r.updated_at}, ${r.resolved_at}, ${r.data})
    ${sql.raw(ON_CONFLICT)}`.execute(db);
}

export function ticketRow(ticket: Ticket) {
  return {
    id: ticket.id,
    number: ticket.number,
    status: ticket.status,
    assignee_id: ticket.assigneeId,
    team_id: ticket.teamId,
    category: ticket.category,
    priority: ticket.priority,
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
    resolved_at: ticket.resolvedAt,
    data: JSON.stringify(ticket),
  };
}

export async function countOpenTickets(db: Db, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('assignee_id', '=', agentId)
    .where('status', 'in', OPEN_STATUSES)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function saveComment(db: Db, comment: Comment): Promise<void> {
  await db
    .insertInto('comments')
    .values({
      id: comment.id,
      ticket_id: comment.ticketId,
      created_at: comment.createdAt,
      data: JSON.stringify(comment),
    })
    .execute();
}

export async function commentExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('comments').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function attachmentExists(db: Db, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('attachments').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

export async function saveAttachment(db: Db, attachment: Attachment): Promise<void> {
  await db
    .insertInto('attachments')
    .values({
      id: attachment.id,
      ticket_id: attachment.ticketId,
      sha256: attachment.sha256,
      created_at: attachment.createdAt,
      data: JSON.stringify(attachment),
    })
    .execute();
}
