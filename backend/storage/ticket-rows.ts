import type { Attachment, Comment, Ticket } from '../../shared/index';
import type { Db } from './database';

/** Statuses that count toward an agent's open load (shared isOpenStatus, as SQL). */
export const OPEN_STATUSES = ['new', 'assigned', 'in_progress', 'pending'] as const;

export async function findTicket(db: Db, id: string): Promise<Ticket | undefined> {
  const row = await db.selectFrom('tickets').select('data').where('id', '=', id).executeTakeFirst();
  return row ? (JSON.parse(row.data) as Ticket) : undefined;
}

/** Insert or replace a ticket; the indexed columns mirror the JSON. */
export async function saveTicket(db: Db, ticket: Ticket): Promise<void> {
  const row = ticketRow(ticket);
  await db
    .insertInto('tickets')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        number: row.number,
        status: row.status,
        assignee_id: row.assignee_id,
        team_id: row.team_id,
        category: row.category,
        priority: row.priority,
        updated_at: row.updated_at,
        resolved_at: row.resolved_at,
        data: row.data,
      }),
    )
    .execute();
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
