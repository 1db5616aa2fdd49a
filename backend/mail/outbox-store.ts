import { sql } from 'kysely';
import type { Database } from '../storage/database';
import type { Schema } from '../storage/schema';

export type OutboxRow = Schema['outbound_email'];

/**
 * Takes up to `limit` due rows for this sender until `leaseUntil`. On PostgreSQL the
 * rows are locked with SKIP LOCKED while the lease is written, so two instances claiming
 * at once take different rows; a lease that runs out (its sender crashed between sending
 * and marking) makes the row due again. SQLite has one writer: the update is the claim.
 */
export async function claimDueEmails(
  database: Database,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const lock = database.dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const { rows } = await sql<OutboxRow>`
    update outbound_email set lease_until = ${leaseUntil.toISOString()}, attempts = attempts + 1
    where id in (
      select id from outbound_email
      where status = 'queued' and next_attempt_at <= ${at} and (lease_until is null or lease_until < ${at})
      order by next_attempt_at, id
      limit ${limit}
      ${lock}
    )
    returning *`.execute(database.db);
  // RETURNING keeps no order; the requester should read the mails in the order they were written.
  return rows.sort(
    (a, b) => (a.next_attempt_at ?? '').localeCompare(b.next_attempt_at ?? '') || a.id.localeCompare(b.id),
  );
}

export async function markSent(database: Database, id: string, at: Date): Promise<void> {
  await database.db
    .updateTable('outbound_email')
    .set({ status: 'sent', sent_at: at.toISOString(), lease_until: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

export async function markRetry(
  database: Database,
  id: string,
  nextAttempt: Date,
  reason: string,
): Promise<void> {
  await database.db
    .updateTable('outbound_email')
    .set({ next_attempt_at: nextAttempt.toISOString(), lease_until: null, last_error: reason })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(database: Database, id: string, at: Date, reason: string): Promise<void> {
  await database.db
    .updateTable('outbound_email')
    .set({ status: 'failed', failed_at: at.toISOString(), lease_until: null, last_error: reason })
    .where('id', '=', id)
    .execute();
}

export async function countQueued(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('outbound_email')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
