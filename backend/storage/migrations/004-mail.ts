import { sql, type Kysely } from 'kysely';

// Mail to and from requesters: the outbox gains what a sender needs to deliver a row
// at least once (status, retries, a lease that a crashed sender's claim runs out of),
// each ticket remembers its requester's language and thread, and every inbound message
// is recorded in the transaction that applies it, so it is applied once.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbound_email')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .execute();
  for (const column of [
    'lang',
    'html',
    'message_id',
    'in_reply_to',
    'references_header',
    'comment_id',
    'next_attempt_at',
    'lease_until',
    'last_error',
    'failed_at',
  ]) {
    await db.schema.alterTable('outbound_email').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('outbound_email')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update outbound_email set status = 'sent' where sent_at is not null`.execute(db);
  await sql`update outbound_email set next_attempt_at = created_at where sent_at is null`.execute(db);
  await db.schema
    .createIndex('outbound_email_due')
    .on('outbound_email')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('outbound_email_comment').on('outbound_email').column('comment_id').execute();

  await db.schema
    .createTable('ticket_mail')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.notNull())
    // Bumped to revoke every requester-page link of the ticket.
    .addColumn('page_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('inbound_email')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('mailbox_uid', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbound_email_ticket').on('inbound_email').column('ticket_id').execute();
}
